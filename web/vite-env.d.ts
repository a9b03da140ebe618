// Vite's client types: import.meta.env and CSS side-effect imports.
/// <reference types="vite/client" />
