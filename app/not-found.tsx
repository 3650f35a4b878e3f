import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/ui/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return <NotFoundMessage />;
}
