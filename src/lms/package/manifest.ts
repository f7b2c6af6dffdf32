/**
 * The content-package files an LMS reads: imsmanifest.xml for SCORM 1.2 or 2004 (4th
 * edition) with the game as one SCO, and the minimal schema documents its
 * schemaLocation names (written here, permissive: they declare our elements and admit
 * any other, so a validating LMS finds every file it looks for).
 */
export type Standard = "1.2" | "2004";

export interface PackageOptions {
  standard: Standard;
  /** Locks the package to one scenario, played in assessment mode. */
  scenario?: { id: string; title: string };
  /** Mastery score, 0-100. */
  mastery: number;
  /** Every file of the built game, relative paths with "/". */
  files: string[];
  title: string;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The SCO's launch parameters: which scenario, the mode, the mastery score. */
export function launchParameters(o: Pick<PackageOptions, "scenario" | "mastery">): string {
  const p = new URLSearchParams();
  if (o.scenario) {
    p.set("scenario", o.scenario.id);
    p.set("mode", "assessment");
  }
  p.set("mastery", String(o.mastery));
  return `?${p.toString()}`;
}

export const SCHEMAS: Record<Standard, Record<string, string>> = {
  "1.2": {
    "imscp_rootv1p1p2.xsd": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp_rootv1p2.xsd": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
  },
  "2004": {
    "imscp_v1p1.xsd": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp_v1p3.xsd": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq_v1p3.xsd": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav_v1p3.xsd": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss_v1p0.xsd": "http://www.imsglobal.org/xsd/imsss",
  },
};

/** Elements each namespace declares (content and attributes are open). */
const ELEMENTS: Record<string, string[]> = {
  "http://www.imsproject.org/xsd/imscp_rootv1p1p2": ["manifest", "metadata", "schema", "schemaversion", "organizations", "organization", "item", "title", "resources", "resource", "file", "dependency"],
  "http://www.imsglobal.org/xsd/imscp_v1p1": ["manifest", "metadata", "schema", "schemaversion", "organizations", "organization", "item", "title", "resources", "resource", "file", "dependency"],
  "http://www.adlnet.org/xsd/adlcp_rootv1p2": ["masteryscore", "datafromlms", "prerequisites"],
  "http://www.adlnet.org/xsd/adlcp_v1p3": ["dataFromLMS", "completionThreshold"],
  "http://www.adlnet.org/xsd/adlseq_v1p3": ["objectives"],
  "http://www.adlnet.org/xsd/adlnav_v1p3": ["presentation"],
  "http://www.imsglobal.org/xsd/imsss": ["sequencing", "objectives", "primaryObjective", "objective", "minNormalizedMeasure", "deliveryControls"],
};
const ATTRIBUTES: Record<string, string[]> = {
  "http://www.adlnet.org/xsd/adlcp_rootv1p2": ["scormtype"],
  "http://www.adlnet.org/xsd/adlcp_v1p3": ["scormType"],
};

/** A small XML Schema for `namespace`: each element open to any content and attributes. */
export function schemaDocument(namespace: string): string {
  const open = `<xs:complexType mixed="true"><xs:sequence><xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute namespace="##any" processContents="lax"/></xs:complexType>`;
  const elements = (ELEMENTS[namespace] ?? []).map((e) => `  <xs:element name="${e}">${open}</xs:element>`);
  const attributes = (ATTRIBUTES[namespace] ?? []).map((a) => `  <xs:attribute name="${a}" type="xs:string"/>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- Written by Dealcraft's packager: declares the elements its manifest uses, open to the rest. -->`,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${namespace}" elementFormDefault="qualified" attributeFormDefault="unqualified">`,
    ...elements,
    ...attributes,
    `</xs:schema>`,
    ``,
  ].join("\n");
}

export function manifest(o: PackageOptions): string {
  const id = `dealcraft-${o.scenario ? o.scenario.id : "library"}`.replace(/[^A-Za-z0-9_.-]/g, "_");
  const title = xml(o.scenario ? `${o.title}: ${o.scenario.title}` : o.title);
  const params = xml(launchParameters(o));
  const files = o.files.map((f) => `      <file href="${xml(f)}"/>`).join("\n");
  const schemas = SCHEMAS[o.standard];
  const locations = Object.entries(schemas)
    .map(([file, ns]) => `${ns} ${file}`)
    .join(" ");
  if (o.standard === "1.2") {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="sco" identifierref="game" isvisible="true" parameters="${params}">
        <title>${title}</title>
        <adlcp:masteryscore>${o.mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="game" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="sco" identifierref="game" isvisible="true" parameters="${params}">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(o.mastery / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="game" type="webcontent" adlcp:scormType="sco" href="index.html">
${files}
    </resource>
  </resources>
</manifest>
`;
}
