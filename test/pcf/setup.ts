import { setIconOptions } from "@fluentui/react";

// The platform registers Fluent's icons; in jsdom they are absent, which is not what these tests are about.
setIconOptions({ disableWarnings: true });
