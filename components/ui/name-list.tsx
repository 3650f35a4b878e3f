/** Names as the register prints them: inline, comma-separated; "NEANT" when there is none. */
export function NameList({ names, emptyLabel = "NEANT" }: { names: string[]; emptyLabel?: string }) {
  if (names.length === 0) return <p>{emptyLabel}</p>;
  return (
    <ul className="inline-list">
      {names.map((name, index) => (
        <li key={`${name}-${index}`}>{name}</li>
      ))}
    </ul>
  );
}
