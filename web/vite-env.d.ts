// Vite's client types: import.meta.env and CSS side-effect imports.
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_BASEMAP_STYLE?: string;
}
