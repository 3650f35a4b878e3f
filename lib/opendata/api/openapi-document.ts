import { z } from "@/lib/validations/zod";
import { apiRegistry } from "./schemas";

// The OpenAPI 3.1 document of /api/v1, its schemas generated from the zod
// schemas that also check every response.

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
const notFound = json("Error", "Introuvable (ou non publié)");
const pageParameters = [
  { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
  {
    name: "perPage",
    in: "query",
    required: false,
    description: "Éléments par page, 200 au plus : une valeur plus grande est ramenée à 200 (voir pagination.perPage).",
    schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
  },
];

export function buildOpenApiDocument(serverUrl: string) {
  const { schemas } = z.toJSONSchema(apiRegistry, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` });
  for (const schema of Object.values(schemas)) delete (schema as { $schema?: string }).$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "Registre : API des délibérations",
      version: "1.0.0",
      description:
        "Données publiques, en lecture seule : la collectivité, ses élus, ses séances et ses délibérations publiées, avec les présences, pouvoirs, décomptes et votes nominatifs. Les enregistrements marqués isDemo sont FICTIFS (démonstration).",
      license: { name: "Licence Ouverte 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    paths: {
      "/municipality": { get: { operationId: "getMunicipality", summary: "La collectivité", responses: { "200": json("Municipality", "La collectivité") } } },
      "/councillors": {
        get: { operationId: "listCouncillors", summary: "Les élus", parameters: pageParameters, responses: { "200": json("CouncillorPage", "Une page d'élus") } },
      },
      "/councillors/{id}": {
        get: {
          operationId: "getCouncillor",
          summary: "Un élu",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": json("Councillor", "L'élu"), "404": notFound },
        },
      },
      "/sittings": {
        get: { operationId: "listSittings", summary: "Les séances publiques : convoquées, ou ayant des délibérations publiées", parameters: pageParameters, responses: { "200": json("SittingPage", "Une page de séances") } },
      },
      "/sittings/{id}": {
        get: {
          operationId: "getSitting",
          summary: "Une séance, son ordre du jour et ses délibérations publiées",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": json("SittingDetail", "La séance"), "404": notFound },
        },
      },
      "/deliberations": {
        get: {
          operationId: "listDeliberations",
          summary: "Les délibérations publiées, de la séance la plus récente à la plus ancienne",
          parameters: [...pageParameters, { name: "year", in: "query", required: false, schema: { type: "integer" } }],
          responses: { "200": json("DeliberationPage", "Une page de délibérations") },
        },
      },
      "/deliberations/{number}": {
        get: {
          operationId: "getDeliberation",
          summary: "Une délibération publiée, avec présences, pouvoirs, décompte et votes nominatifs",
          parameters: [{ name: "number", in: "path", required: true, schema: { type: "string", pattern: "^DL\\.\\d{4}-\\d+$" }, example: "DL.2022-91" }],
          responses: { "200": json("Deliberation", "La délibération"), "404": notFound },
        },
      },
    },
    components: { schemas },
  };
}
