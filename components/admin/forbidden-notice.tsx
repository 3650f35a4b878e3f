export function ForbiddenNotice({ title }: { title: string }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="rounded border-l-4 border-danger bg-danger-soft px-4 py-3">
        Votre rôle ne permet pas cette opération : demandez-la à un administrateur ou au greffe.
      </p>
    </div>
  );
}
