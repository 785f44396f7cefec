// Counts the responses in CSV bytes as they stream past, for the progress of an export Postgres writes itself
// (COPY): records end at a newline outside quotes, and a response begins where the response_id (the second field,
// a uuid, never quoted) changes — once per record in a wide file, once per run of answers in a long one.
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

export class CsvRecordCounter {
  responses = 0;
  private inQuotes = false;
  /** Bytes of the current record's first two fields, while they are still being read; null once both are. */
  private head: number[] | null = [];
  private commas = 0;
  private lastResponseId = "";

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.inQuotes) {
        // An escaped quote ("") closes and reopens: the state comes out right either way.
        if (byte === QUOTE) this.inQuotes = false;
        continue;
      }
      if (byte === QUOTE) this.inQuotes = true;
      else if (byte === NEWLINE) {
        this.endHead();
        this.head = [];
        this.commas = 0;
        continue;
      }
      if (this.head) {
        if (byte === COMMA && ++this.commas === 2) this.endHead();
        else this.head.push(byte);
      }
    }
  }

  private endHead(): void {
    if (!this.head) return;
    const fields = String.fromCharCode(...this.head);
    const responseId = fields.slice(fields.indexOf(",") + 1);
    if (responseId !== this.lastResponseId) {
      this.responses++;
      this.lastResponseId = responseId;
    }
    this.head = null;
  }
}
