/** Terminal I/O for `terminassistent staff …`: stdout/stderr, stdin, and a password prompt without echo. */
import { createInterface } from "node:readline";
import type { StaffCommandIo } from "./staff.command.ts";

export function terminalStaffIo(): StaffCommandIo {
  return {
    out: (line) => void process.stdout.write(line + "\n"),
    err: (line) => void process.stderr.write(line + "\n"),
    async readStdin() {
      let text = "";
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
    promptPassword: (question) => (process.stdin.isTTY ? promptHidden(question) : Promise.resolve(null)),
  };
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing but the question: readline writes typed characters through _writeToOutput.
    const internals = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    internals._writeToOutput = () => {};
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}
