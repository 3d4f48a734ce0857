export const API_SETTINGS = Symbol('API_SETTINGS');

export interface ApiSettings {
  maxPageSize: number;
}
