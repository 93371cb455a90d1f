/** What the mail templates show; built by mail/ from core appointments and the city configuration. */
export interface SlotView {
  start: string;
  locationName: string;
}

export interface AppointmentView {
  code: string;
  /** Service names, "2 × Personalausweis beantragen" for counts above one. */
  services: string[];
  start: string;
  end: string;
  location: { name: string; address: string; accessibility: string | null };
  documents: string[];
  fees: string[];
  cancelUrl: string | null;
}
