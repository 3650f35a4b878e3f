/**
 * Names as the register prints them: inline, comma-separated, ending with a
 * full stop; "NEANT" when there is none. The separators are text, not CSS
 * generated content, so that a copied list keeps them ("Marc PENA, Madame …").
 */
export function NameList({ names, emptyLabel = "NEANT" }: { names: string[]; emptyLabel?: string }) {
  if (names.length === 0) return <p>{emptyLabel}</p>;
  return (
    <ul className="inline-list">
      {names.map((name, index) => (
        <li key={`${name}-${index}`}>
          {name}
          {index < names.length - 1 ? ", " : "."}
        </li>
      ))}
    </ul>
  );
}
