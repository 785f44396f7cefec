// What every screen of the engine produces: the replies to send, the screen the person is now on, and what the
// turn asks the ledger to record. The router turns it into an EngineResult with the options to remember.
import type { Effect } from "./effects";
import type { Reply } from "./replies";
import type { Screen } from "./session";

export interface Rendered {
  replies: Reply[];
  screen: Screen;
  effects?: Effect[];
}
