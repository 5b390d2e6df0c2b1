/**
 * Early-bound types and dataverse-ify metadata for the tables the connector writes, kept by hand in the shape
 * `dataverse-gen` generates (it needs a live tenant; the README says how to regenerate these against one). A test
 * checks them against the emulator's tables.json, so the two cannot drift apart.
 */
import type { EntityWebApiMetadata } from "dataverse-ify/lib/metadata/EntityWebApiMetadata";
import type { EntityReference } from "dataverse-ify/lib/types/EntityReference";
import type { IEntity } from "dataverse-ify/lib/types/IEntity";

export const incidentMetadata: EntityWebApiMetadata = {
  typeName: "mscrm.incident",
  logicalName: "incident",
  collectionName: "incidents",
  primaryIdAttribute: "incidentid",
  attributeTypes: {
    incidentid: "Guid",
    title: "String",
    description: "String",
    ticketnumber: "String",
    caseorigincode: "Optionset",
    prioritycode: "Optionset",
    casetypecode: "Optionset",
    customersatisfactioncode: "Optionset",
    severitycode: "Optionset",
    statecode: "Optionset",
    statuscode: "Optionset",
    e2c_classification: "String",
    e2c_sentiment: "Optionset",
    e2c_handoffid: "String",
    e2c_sessionurl: "String",
    createdon: "DateAndTime:UserLocal",
    modifiedon: "DateAndTime:UserLocal",
  },
  navigation: {
    customerid: ["mscrm.account", "mscrm.contact"],
    primarycontactid: ["mscrm.contact"],
    ownerid: ["mscrm.principal"],
    entitlementid: ["mscrm.entitlement"],
  },
};

export const contactMetadata: EntityWebApiMetadata = {
  typeName: "mscrm.contact",
  logicalName: "contact",
  collectionName: "contacts",
  primaryIdAttribute: "contactid",
  attributeTypes: {
    contactid: "Guid",
    fullname: "String",
    firstname: "String",
    lastname: "String",
    emailaddress1: "String",
    telephone1: "String",
    statecode: "Optionset",
    statuscode: "Optionset",
    createdon: "DateAndTime:UserLocal",
    modifiedon: "DateAndTime:UserLocal",
  },
  navigation: {
    parentcustomerid: ["mscrm.account", "mscrm.contact"],
    ownerid: ["mscrm.principal"],
  },
};

export const annotationMetadata: EntityWebApiMetadata = {
  typeName: "mscrm.annotation",
  logicalName: "annotation",
  collectionName: "annotations",
  primaryIdAttribute: "annotationid",
  attributeTypes: {
    annotationid: "Guid",
    subject: "String",
    notetext: "String",
    documentbody: "String",
    filename: "String",
    mimetype: "String",
    filesize: "Integer",
    createdon: "DateAndTime:UserLocal",
    modifiedon: "DateAndTime:UserLocal",
  },
  navigation: {
    objectid: ["mscrm.incident", "mscrm.contact", "mscrm.account"],
    ownerid: ["mscrm.principal"],
  },
};

export const queueMetadata: EntityWebApiMetadata = {
  typeName: "mscrm.queue",
  logicalName: "queue",
  collectionName: "queues",
  primaryIdAttribute: "queueid",
  attributeTypes: {
    queueid: "Guid",
    name: "String",
    emailaddress: "String",
    incomingemailfilteringmethod: "Optionset",
  },
  navigation: { ownerid: ["mscrm.principal"] },
};

/** The tables the connector names in requests; entity set names for dataverse-ify's odataify. */
export const EARLY_BOUND: Record<string, EntityWebApiMetadata> = {
  incident: incidentMetadata,
  contact: contactMetadata,
  annotation: annotationMetadata,
  queue: queueMetadata,
  account: {
    typeName: "mscrm.account",
    logicalName: "account",
    collectionName: "accounts",
    primaryIdAttribute: "accountid",
    attributeTypes: { accountid: "Guid", name: "String", emailaddress1: "String" },
  },
  systemuser: {
    typeName: "mscrm.systemuser",
    logicalName: "systemuser",
    collectionName: "systemusers",
    primaryIdAttribute: "systemuserid",
    attributeTypes: { systemuserid: "Guid", fullname: "String" },
  },
  team: {
    typeName: "mscrm.team",
    logicalName: "team",
    collectionName: "teams",
    primaryIdAttribute: "teamid",
    attributeTypes: { teamid: "Guid", name: "String" },
  },
};

export interface Incident extends IEntity {
  logicalName: "incident";
  incidentid?: string;
  title?: string;
  description?: string;
  ticketnumber?: string;
  caseorigincode?: number;
  prioritycode?: number;
  customerid?: EntityReference;
  ownerid?: EntityReference;
  e2c_handoffid?: string;
  e2c_classification?: string;
  e2c_sentiment?: number;
  e2c_sessionurl?: string;
}

export interface Contact extends IEntity {
  logicalName: "contact";
  contactid?: string;
  firstname?: string;
  lastname?: string;
  emailaddress1?: string;
  telephone1?: string;
  statecode?: number;
  statuscode?: number;
}

export interface Annotation extends IEntity {
  logicalName: "annotation";
  annotationid?: string;
  subject?: string;
  notetext?: string;
  filename?: string;
  mimetype?: string;
  documentbody?: string;
  objectid?: EntityReference;
}
