// `npm run harness`: Microsoft's pcf-start test harness on the built control, for makers.
// pcf-start starts browser-sync on every interface at port 8181 and loads React from unpkg; this launcher binds it
// to 127.0.0.1, serves React's UMD builds from node_modules (so the harness works offline), turns telemetry off and,
// for tests, can stop itself after E2C_HARNESS_TTL seconds.
const path = require("node:path");

const root = path.join(__dirname, "..");
const codePath = path.join(root, "out", "controls", "HandoffTranscript");
const port = Number(process.env.PCF_PORT || 8181);
const watch = process.env.E2C_HARNESS_WATCH !== "0";
process.env.PP_TOOLS_TELEMETRY_OPTOUT = "true";

const pcfStartDir = path.dirname(require.resolve("pcf-start/package.json"));
const browserSync = require(require.resolve("browser-sync", { paths: [pcfStartDir] }));
const create = browserSync.create;
browserSync.create = function (...args) {
  const instance = create.apply(this, args);
  const init = instance.init.bind(instance);
  instance.init = (options, callback) =>
    init(
      {
        ...options,
        listen: "127.0.0.1",
        host: "127.0.0.1",
        port,
        open: false,
        notify: false,
        watch,
        server: {
          ...options.server,
          routes: {
            ...options.server.routes,
            "/e2c-lib/react": path.join(root, "node_modules", "react", "umd"),
            "/e2c-lib/react-dom": path.join(root, "node_modules", "react-dom", "umd"),
          },
        },
        rewriteRules: [
          { match: /https:\/\/unpkg\.com\/react@16\.14\.0\/umd\//g, replace: "/e2c-lib/react/" },
          { match: /https:\/\/unpkg\.com\/react-dom@16\.14\.0\/umd\//g, replace: "/e2c-lib/react-dom/" },
        ],
      },
      callback,
    );
  return instance;
};

const ttl = Number(process.env.E2C_HARNESS_TTL || 0);
if (ttl > 0) setTimeout(() => process.exit(0), ttl * 1000).unref();
process.on("SIGTERM", () => process.exit(0));

console.log(`Handoff transcript harness: http://127.0.0.1:${port}/ (Ctrl-C to stop)`);
process.argv = [process.argv[0], "pcf-start", "--codePath", codePath];
require(path.join(pcfStartDir, "bin", "pcf-start.js"));
