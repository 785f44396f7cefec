// The contract every channel implements. The engine answers in channel-neutral replies; a channel says what it can
// show and turns replies into what its platform takes (buttons, an inline keyboard, a numbered list). Channels that
// send (rather than answer in the response) also give `send` and `describeError`, and the one delivery loop in
// src/conversations/delivery.ts does the rest: claiming, retries, pacing.
import type { Channel as ChannelName } from "../db/schema/contacts";
import type { DeliveryChannel, PacingLimits } from "../src/conversations/delivery";
import type { Reply } from "../src/engine/replies";

export interface ChannelCapabilities {
  /** Can show tappable options; without them options become a numbered list and the person types the number. */
  buttons: boolean;
  /** Longest text one message may carry; longer replies are split. */
  maxTextLength: number;
  /** Can the service message the person at any time (true), or only in reply / via a pull (false)? */
  push: boolean;
}

export interface ChannelAdapter<Rendered> {
  name: ChannelName;
  capabilities: ChannelCapabilities;
  render(replies: Reply[]): Rendered[];
}

/** A channel the service sends through: what the delivery loop needs, and how fast the platform lets it send. */
export interface SendingChannel<Part> extends ChannelAdapter<Part>, DeliveryChannel<Part> {
  pacing: PacingLimits;
}
