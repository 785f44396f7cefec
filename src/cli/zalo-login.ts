// npm run zalo:login [-- --qr FILE.png] | [-- --credentials FILE.json] | [-- --check]
// Logs the Zalo personal account in (QR code by default: saved as a PNG and drawn in the terminal) and stores the
// session encrypted with ZALO_CREDENTIALS_KEY, so the Node server starts the gateway with it. --check logs in with
// the saved session to see that it still works, without starting anything.
import { readFile, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  openCredentials,
  parseCredentialsKey,
  sealCredentials,
  ZaloCredentialsError,
} from "../../bots/zalo-personal/credentials-box";
import { drawQr, qrModulesFromPng } from "../../bots/zalo-personal/qr-terminal";
import {
  type LoggedIn,
  loginWithExportedCredentials,
  loginWithQr,
  QrLoginStopped,
} from "../../bots/zalo-personal/qr-login";
import { loadZaloSession, saveZaloSession } from "../../bots/zalo-personal/session-store";
import { connectWithCredentials } from "../../bots/zalo-personal/zca-client";
import { parseConfig } from "../config";
import { openDatabase, runCommand } from "./open-database";

const WARNING =
  "Lưu ý: tự động hóa tài khoản Zalo cá nhân trái với điều khoản sử dụng của Zalo và có thể khiến tài khoản bị " +
  "khóa. Cơ quan, đơn vị nên dùng Zalo Official Account (OA); chỉ dùng tài khoản cá nhân để thử nghiệm.";

await runCommand(async () => {
  const { values } = parseArgs({
    options: {
      qr: { type: "string", default: "zalo-qr.png" },
      credentials: { type: "string" },
      check: { type: "boolean", default: false },
    },
  });
  const config = parseConfig(process.env);
  const key = parseCredentialsKey(config.ZALO_CREDENTIALS_KEY);
  console.log(`${WARNING}\n`);
  const handle = await openDatabase();
  try {
    if (values.check) {
      const row = await loadZaloSession(handle.db);
      if (!row) throw new Error("Chưa có phiên Zalo nào được lưu. Chạy npm run zalo:login để đăng nhập.");
      const connection = await connectWithCredentials(await openCredentials(row.credentials, key));
      console.log(
        `Phiên đã lưu vẫn dùng được: tài khoản ${row.displayName ?? connection.api.getOwnId()} ` +
          `(trạng thái: ${row.state}).`,
      );
      return;
    }
    let account: LoggedIn;
    if (values.credentials) {
      account = await loginWithExportedCredentials(JSON.parse(await readFile(values.credentials, "utf8")));
    } else {
      account = await loginWithQr({
        qrPath: values.qr,
        onEvent(event) {
          if (event.kind === "qr") {
            const modules = qrModulesFromPng(event.png);
            if (modules) console.log(`${drawQr(modules)}\n`);
            console.log(
              `Mở Zalo trên điện thoại của tài khoản sẽ dùng cho Loa, chọn quét mã QR và quét mã ${
                modules ? "trên" : "trong tệp"
              } (đã lưu ảnh tại ${event.path}). Mã hết hạn sau khoảng 100 giây.`,
            );
          } else if (event.kind === "expired") {
            console.log("Mã QR đã hết hạn, đang tạo mã mới…");
          } else if (event.kind === "scanned") {
            console.log(`Đã quét (${event.displayName}). Hãy xác nhận đăng nhập trên điện thoại.`);
          }
        },
      });
      await rm(values.qr, { force: true });
    }
    await saveZaloSession(handle.db, {
      credentials: await sealCredentials(account.credentials, key),
      ownId: account.ownId,
      displayName: account.displayName,
    });
    console.log(
      `Đã lưu phiên đăng nhập Zalo${account.displayName ? ` của ${account.displayName}` : ""} (đã mã hóa). ` +
        "Khởi động lại máy chủ (npm start) để bật cổng Zalo cá nhân.",
    );
  } catch (error) {
    if (error instanceof QrLoginStopped || error instanceof ZaloCredentialsError) throw new Error(error.message);
    if (error instanceof SyntaxError) throw new Error(`Tệp ${values.credentials} không phải JSON hợp lệ.`);
    throw error;
  } finally {
    await handle.close();
  }
});
// zca-js may keep sockets open for a while after a login; the command is done.
process.exit(process.exitCode ?? 0);
