import { readFileSync } from "node:fs";
import { parseSeed } from "./plugins-js/emulator/seed";
import { startEmulator } from "./plugins-js/emulator/server";
import { HttpTransport } from "./plugins-js/dataverse/transport";
import { StaticToken } from "./plugins-js/dataverse/auth";
import { DataverseifyWebApi } from "./plugins-js/dataverse/web-api";
import { HandoffConnector } from "./plugins-js/connector/connector";
(async () => {
  const r = parseSeed(JSON.parse(readFileSync("/work/main/examples/emulator/demo-seed.json", "utf8")));
  if (!r.ok) {
    console.log(r.problems);
    return;
  }
  const em = await startEmulator({ seed: r.seed });
  const api = new DataverseifyWebApi(new HttpTransport(em.url + "/", new StaticToken("e2c-emulator-connector")));
  const c = new HandoffConnector(api, {
    defaultQueueId: "e2c00000-0000-4000-8000-000000000101",
    defaultOwner: null,
    defaultPriority: null,
    defaultCustomer: null,
    ticketProperties: { casetypecode: 2 },
    copyAttachments: true,
  });
  const h = JSON.parse(readFileSync("/work/main/examples/handoffs/billing-double-charge.json", "utf8"));
  try {
    console.log(JSON.stringify(await c.deliver(h), null, 1));
    console.log(JSON.stringify(await c.deliver(h), null, 1));
    const h2 = { ...h, handoffId: "h2", customer: { name: "New Person", email: "new@x.example" } };
    const [a, b] = await Promise.all([c.deliver(h2), c.deliver(h2)]);
    console.log(a.status, b.status, a.incidentId === b.incidentId);
    console.log(
      em.store.count("incident"),
      em.store.count("contact"),
      em.store.count("queueitem"),
      em.store.count("annotation"),
    );
  } catch (e) {
    console.log("ERR", e);
  }
  await em.close();
})();
