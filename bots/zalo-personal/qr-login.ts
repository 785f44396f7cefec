// Logging the personal account in for `npm run zalo:login`: by QR code (scanned with the Zalo app on the account's
// phone), or from credentials exported from a logged-in Zalo Web session. Either way the result is the session zca-js
// holds afterwards (imei, user agent, current cookies) and the account's id, ready to be sealed and saved.
import { writeFile } from "node:fs/promises";
import { type API, LoginQRCallbackEventType, ZaloApiLoginQRAborted } from "zca-js";
import { type ZaloCredentials, zaloCredentialsSchema } from "./credentials-box";
import { connectWithCredentials, createZaloClient, currentCredentials } from "./zca-client";

export type QrLoginEvent =
  | { kind: "qr"; png: Uint8Array; path: string }
  | { kind: "expired" }
  | { kind: "scanned"; displayName: string }
  | { kind: "declined" };

export interface LoggedIn {
  ownId: string;
  displayName: string | null;
  credentials: ZaloCredentials;
}

/** Thrown when the person declined on the phone or let every QR code expire. */
export class QrLoginStopped extends Error {
  constructor(readonly reason: "declined" | "expired") {
    super(reason === "declined" ? "Đăng nhập bị từ chối trên điện thoại." : "Mã QR đã hết hạn nhiều lần.");
    this.name = "QrLoginStopped";
  }
}

export async function loginWithQr(options: {
  qrPath: string;
  onEvent: (event: QrLoginEvent) => void;
  /** New codes after the first expires (each lives about 100 s). */
  maxRefreshes?: number;
}): Promise<LoggedIn> {
  let displayName: string | null = null;
  let refreshes = 0;
  let stopped: QrLoginStopped | undefined;
  let saving: Promise<void> = Promise.resolve();
  let api: API;
  try {
    api = await createZaloClient().loginQR({ qrPath: options.qrPath }, (event) => {
      switch (event.type) {
        case LoginQRCallbackEventType.QRCodeGenerated: {
          const png = Uint8Array.from(Buffer.from(event.data.image, "base64"));
          // Only the phone that scans it is logged in by it, and it expires: no secret, but not left lying around.
          saving = writeFile(options.qrPath, png, { mode: 0o600 }).then(() =>
            options.onEvent({ kind: "qr", png, path: options.qrPath }),
          );
          break;
        }
        case LoginQRCallbackEventType.QRCodeExpired:
          if (refreshes++ >= (options.maxRefreshes ?? 3)) {
            stopped = new QrLoginStopped("expired");
            event.actions.abort();
          } else {
            options.onEvent({ kind: "expired" });
            event.actions.retry();
          }
          break;
        case LoginQRCallbackEventType.QRCodeScanned:
          displayName = event.data.display_name;
          options.onEvent({ kind: "scanned", displayName });
          break;
        case LoginQRCallbackEventType.QRCodeDeclined:
          stopped = new QrLoginStopped("declined");
          options.onEvent({ kind: "declined" });
          event.actions.abort();
          break;
        case LoginQRCallbackEventType.GotLoginInfo:
          // The session is read from zca-js once the login is through (with the cookies it set on the way).
          break;
      }
    });
  } catch (error) {
    if (error instanceof ZaloApiLoginQRAborted && stopped) throw stopped;
    throw error;
  }
  await saving.catch(() => undefined);
  return { ownId: api.getOwnId(), displayName, credentials: currentCredentials(api) };
}

/** Logs in from credentials exported from Zalo Web (imei, cookies, user agent), checking that they still work. */
export async function loginWithExportedCredentials(json: unknown): Promise<LoggedIn> {
  const credentials = zaloCredentialsSchema.parse(json);
  const connection = await connectWithCredentials(credentials);
  return {
    ownId: connection.api.getOwnId(),
    displayName: null,
    credentials: connection.credentials?.() ?? credentials,
  };
}
