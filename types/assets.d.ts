declare module "*.sql" {
  const text: string;
  export default text;
}

// Swagger UI assets, imported with `{ type: "file" }` so the binary embeds them.
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const path: string;
  export default path;
}
declare module "swagger-ui-dist/swagger-ui.css" {
  const path: string;
  export default path;
}
declare module "swagger-ui-dist/favicon-32x32.png" {
  const path: string;
  export default path;
}
