// What the runtime-specific Swagger UI assets (#swagger-ui-assets) offer the console.
export type SwaggerUiFile = "bundle" | "style";

export interface SwaggerUiAssets {
  /** False on runtimes that do not carry Swagger UI (the Worker). */
  available: boolean;
  load(file: SwaggerUiFile): Promise<string>;
}
