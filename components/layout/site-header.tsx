import Link from "next/link";
import { MainNav } from "./main-nav";

export function SiteHeader({ municipalityName }: { municipalityName: string | null }) {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-4 sm:px-6 sm:py-5">
        <Link href="/" className="self-start text-ink no-underline hover:text-brand">
          <span className="block text-xl font-bold leading-tight sm:text-2xl">{municipalityName ?? "Registre"}</span>
          <span className="block text-sm text-muted sm:text-base">Registre des délibérations du conseil municipal</span>
        </Link>
      </div>
      <MainNav />
    </header>
  );
}
