// COPY … TO STDOUT as the Worker bundle sees it (package.json "imports", condition "workerd"): not offered.
// postgres.js's Workers build streams COPY data by pausing and resuming its socket, and its socket for Workers
// (cf/polyfills.js) has neither, so the stream stalls. Exports on Workers read rows and write the CSV themselves.
import type postgres from "postgres";

export function copyOutOf(_client: postgres.Sql): undefined {
  return undefined;
}
