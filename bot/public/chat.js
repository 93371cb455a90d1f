// Connects the vendored Web Chat to the bot: the local Direct Line subset (default) or Azure Direct Line.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("chat-config").textContent);
  var status = document.getElementById("chat-status");

  function say(text, isError) {
    status.textContent = text;
    status.className = "chat__status" + (isError ? " chat__status--error" : "");
  }

  function fail() {
    say(config.texts.failed + " " + config.phone, true);
  }

  fetch(config.tokenUrl, { method: "POST", credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("token " + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        domain: config.domain || location.origin + "/v3/directline",
        token: session.token,
        webSocket: config.webSocket,
        pollingInterval: config.pollingInterval
      });
      directLine.connectionStatus$.subscribe(function (state) {
        // 2 = Online, 4 = FailedToConnect, 5 = Ended (botframework-directlinejs ConnectionStatus)
        if (state === 2) say(config.texts.connected, false);
        if (state === 4 || state === 5) fail();
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: "de-DE",
          userID: session.userId,
          styleOptions: config.styleOptions
        },
        document.getElementById("webchat")
      );
    })
    .catch(fail);
})();
