import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="max-w-sm text-sm text-muted">
        This page does not exist, or it belongs to a workspace you are not a member of.
      </p>
      <Link href="/" className="text-sm text-accent underline-offset-4 hover:underline">
        Back to your workspaces
      </Link>
    </main>
  );
}
