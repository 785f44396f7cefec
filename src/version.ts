// The service version, reported by /api/version and the OpenAPI document.
export const APP_VERSION = "0.2.0";
