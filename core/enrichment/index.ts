export * from "./case-columns";
