import { registerControlIcons } from "../../pcf/HandoffTranscript/components/icons";

// The control registers its own icons in init(); views rendered without init() need them as well.
registerControlIcons();

// jsdom has no scrollIntoView (it lays nothing out); every browser the control supports has it.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
