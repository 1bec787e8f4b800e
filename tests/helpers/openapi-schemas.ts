import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

type Doc = any;

/** The `$id` prefix the document's component schemas get, so `$ref`s between them resolve in Ajv. */
const SCHEMAS = "https://crmd.invalid/schemas/";

/** The `$id` a component schema has in ajvFor's Ajv: `ajv.getSchema(componentId("Error"))`. */
export const componentId = (name: string) => SCHEMAS + name;

/** A JSON pointer token for a key (`/` and `~` escaped). */
export const pointerToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** The node at a JSON pointer of the document. */
export function nodeAt(doc: Doc, pointer: string): Doc {
  let node = doc;
  for (const part of pointer.slice(1).split("/"))
    node = node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node;
}

/** The schema at a JSON pointer, its component $refs made absolute for Ajv. */
export function schemaAt(doc: Doc, pointer: string): Doc {
  return JSON.parse(
    JSON.stringify(nodeAt(doc, pointer)).replace(/"#\/components\/schemas\//g, `"${SCHEMAS}`),
  );
}

/** Ajv 2020 in strict mode, with the document's component schemas registered. */
export function ajvFor(doc: Doc): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("http-url", /^https?:\/\//);
  ajv.addKeyword("example");
  for (const name of Object.keys(doc.components.schemas))
    ajv.addSchema({ ...schemaAt(doc, `/components/schemas/${name}`), $id: SCHEMAS + name });
  return ajv;
}

/** A response's JSON schema compiled once per pointer: validating many answers stays cheap. */
export function validatorCache(doc: Doc, ajv: Ajv2020 = ajvFor(doc)) {
  const compiled = new Map<string, ValidateFunction>();
  return (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile(schemaAt(doc, pointer));
      compiled.set(pointer, validate);
    }
    return validate;
  };
}
