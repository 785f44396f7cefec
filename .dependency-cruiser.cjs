// The architecture's import rules (see /work/shared/architecture.md: "Imports run one way"). Checked by
// `npm run lint:deps` and by test/architecture/import-rules.test.ts. Rules name folders, not files, so they hold as
// code moves inside a folder. Type-only imports count: a type from db/ in the engine is still a dependency on db/.

/** Packages that tie code to a database, a transport or a platform. */
const PLATFORM = "node_modules/(hono|@hono/[^/]+|telegraf|zca-js|postgres|@electric-sql/pglite|drizzle-orm)(/|$)";
/** Packages the Worker bundle must never contain. */
const NODE_ONLY = "node_modules/(@electric-sql/pglite|@hono/node-server|zca-js)(/|$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment: "src/engine is the pure conversation core: no database, channel, HTTP or platform code.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { path: ["^db/", "^bots/", PLATFORM] },
    },
    {
      name: "surveys-are-data",
      comment: "Survey definitions and their schema are data: they import no database, app or channel code.",
      severity: "error",
      from: { path: "^surveys/" },
      to: { path: ["^db/", "^src/", "^bots/"] },
    },
    {
      name: "src-knows-no-channel",
      comment:
        "Only the entries compose channels (src/entry; src/cli commands are entries too, e.g. telegram:webhook); " +
        "the app, capabilities and jobs import no bots/.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(entry|cli)/" },
      to: { path: "^bots/" },
    },
    {
      name: "db-is-below-the-app",
      comment: "db/ (schema, clients, migrations) imports no app or channel code; it may import surveys/schema.ts.",
      severity: "error",
      from: { path: "^db/", pathNot: "^db/seed/" },
      to: { path: ["^src/", "^bots/", "^surveys/(?!schema\\.ts$)"] },
    },
    {
      name: "seed-uses-capabilities-only",
      comment: "db/seed loads data through the capabilities, never through an entry, the HTTP layer or a channel.",
      severity: "error",
      from: { path: "^db/seed/" },
      to: { path: ["^bots/", "^src/(entry|http|cli)/", "^src/app\\.ts$"] },
    },
    {
      name: "channels-use-the-core-only",
      comment: "A channel talks to conversations, engine replies, HTTP helpers, text, log, crypto and service types.",
      severity: "error",
      from: { path: "^bots/" },
      to: {
        path: "^src/",
        pathNot: "^src/(conversations|engine|http|text|privacy)/|^src/(log|crypto|services|errors|config)\\.ts$",
      },
    },
    {
      name: "console-is-a-surface",
      comment: "Only the app mounts the officer console; capabilities, HTTP and jobs never import its pages.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(app\\.ts$|console/)" },
      to: { path: "^src/console/" },
    },
    {
      name: "only-telegram-imports-telegraf",
      severity: "error",
      from: { pathNot: "^bots/telegram/" },
      to: { path: "node_modules/telegraf(/|$)" },
    },
    {
      name: "only-zalo-personal-imports-zca-js",
      severity: "error",
      from: { pathNot: "^bots/zalo-personal/" },
      to: { path: "node_modules/zca-js(/|$)" },
    },
    {
      name: "worker-stays-off-node",
      comment: "Nothing the Worker entry reaches may pull in PGlite, the Node server or zca-js.",
      severity: "error",
      from: { path: "^src/entry/worker\\.ts$" },
      to: { path: NODE_ONLY, reachable: true },
    },
    {
      name: "no-circular-imports",
      comment: "Modules import one way; a cycle between files is also a cycle between their folders.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^test/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    // Keep node_modules/… paths even though node_modules may be a symlink (e.g. in a git worktree).
    preserveSymlinks: true,
  },
};
