// The Node server's way in: start the gateway when a saved session is there and active, decrypted with
// ZALO_CREDENTIALS_KEY. A replaced or logged-out session stays off (the log says to log in again), and so does one
// that does not decrypt: the server runs on without Zalo rather than not at all.
import type { Db } from "../../db/db";
import type { AppConfig } from "../../src/config";
import type { Logger } from "../../src/log";
import {
  openCredentials,
  parseCredentialsKey,
  sealCredentials,
  type ZaloCredentials,
  ZaloCredentialsError,
} from "./credentials-box";
import { loadZaloSession, updateZaloCredentials } from "./session-store";
import { createZaloPersonalGateway, type ZaloPersonalGateway } from "./zalo-personal-gateway";
import { connectWithCredentials, type ZcaConnection } from "./zca-client";

const LOGIN_HINT = "Chạy npm run zalo:login để đăng nhập tài khoản Zalo cá nhân.";

export interface StartZaloPersonalOptions {
  db: Db;
  log: Logger;
  config: Pick<AppConfig, "ZALO_CREDENTIALS_KEY" | "ZALO_PERSONAL_MESSAGES_PER_MINUTE"> &
    Partial<Pick<AppConfig, "QA_DEFAULT_UNIT" | "QA_DUE_WORKING_DAYS">>;
  account?: string;
  /** How to log in (tests pass a fake); zca-js with the saved credentials otherwise. */
  connect?: (credentials: ZaloCredentials) => Promise<ZcaConnection>;
}

/** The running gateway (still logging in when returned), or undefined when there is nothing to start. */
export async function startZaloPersonalGateway(
  options: StartZaloPersonalOptions,
): Promise<ZaloPersonalGateway | undefined> {
  const { db, log } = options;
  const account = options.account ?? "default";
  const row = await loadZaloSession(db, account);
  if (!row) {
    log.info("zalo.personal_off", { reason: "no_session", hint: LOGIN_HINT });
    return undefined;
  }
  if (row.state !== "active") {
    log.warn("zalo.personal_off", { reason: row.state, hint: LOGIN_HINT });
    return undefined;
  }
  let key: Uint8Array;
  let credentials: ZaloCredentials;
  try {
    key = parseCredentialsKey(options.config.ZALO_CREDENTIALS_KEY);
    credentials = await openCredentials(row.credentials, key, account);
  } catch (error) {
    if (!(error instanceof ZaloCredentialsError)) throw error;
    // The message names the key and what to do, never the credentials.
    log.error("zalo.personal_off", { reason: "credentials", message: error.message });
    return undefined;
  }
  const connect = options.connect ?? connectWithCredentials;
  const gateway = createZaloPersonalGateway({
    db,
    log,
    account,
    messagesPerMinute: options.config.ZALO_PERSONAL_MESSAGES_PER_MINUTE,
    qa:
      options.config.QA_DEFAULT_UNIT && options.config.QA_DUE_WORKING_DAYS
        ? { defaultUnitCode: options.config.QA_DEFAULT_UNIT, dueWorkingDays: options.config.QA_DUE_WORKING_DAYS }
        : undefined,
    // A fresh login uses the cookies as Zalo last refreshed them.
    connect: () => connect(credentials),
    persistCredentials: async (current, ownId) => {
      credentials = current;
      await updateZaloCredentials(db, account, await sealCredentials(current, key, account), ownId);
    },
  });
  log.info("zalo.personal_starting", { account });
  void gateway.start();
  return gateway;
}
