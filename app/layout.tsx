import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EnvFactory Studio", template: "%s · EnvFactory Studio" },
  description:
    "Synthesize executable tool-use environments, generate verifiable tasks and train robust agents.",
};

// Applies the saved (or system) theme before first paint, so there is no flash of the wrong theme.
const themeScript = `(() => { try { const t = localStorage.getItem("envf-theme"); const dark = t ? t === "dark" : matchMedia("(prefers-color-scheme: dark)").matches; document.documentElement.classList.toggle("dark", dark); } catch {} })();`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
