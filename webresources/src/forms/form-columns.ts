/** Reading form columns that may not be on the form: a missing column is null, never an exception. */

export function textValue(form: Xrm.FormContext, column: string): string | null {
  const attribute = form.getAttribute<Xrm.Attributes.StringAttribute>(column);
  const value = attribute?.getValue();
  return typeof value === "string" ? value : null;
}

export function choiceValue(form: Xrm.FormContext, column: string): number | null {
  const attribute = form.getAttribute<Xrm.Attributes.OptionSetAttribute>(column);
  const value = attribute?.getValue();
  return typeof value === "number" ? value : null;
}
