// The dashboard shell.
export function App() {
  return <main><h1>Rawan</h1></main>;
}
