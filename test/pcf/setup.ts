import { registerControlIcons } from "../../pcf/HandoffTranscript/components/icons";

// The control registers its own icons in init(); views rendered without init() need them as well.
registerControlIcons();
