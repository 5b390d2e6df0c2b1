// The global name the production bundle reads React by (pcf-scripts externals for platform library React 16.14.0).
window.Reactv16 = window.React;
