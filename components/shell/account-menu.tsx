"use client";
import { LogOut, Moon, Sun } from "lucide-react";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { authClient } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";

const isDark = () => document.documentElement.classList.contains("dark");

function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

export function AccountMenu({ user }: { user: { name: string; email: string } }) {
  const router = useRouter();
  const dark = useSyncExternalStore(subscribeToTheme, isDark, () => false);

  function toggleTheme() {
    const next = !dark;
    document.documentElement.classList.toggle("dark", next);
    localStorage.setItem("envf-theme", next ? "dark" : "light");
  }

  async function signOut() {
    await authClient.signOut();
    router.push("/sign-in");
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="min-w-0 px-1">
        <div className="truncate text-sm font-medium" data-testid="account-name">
          {user.name}
        </div>
        <div className="truncate text-xs text-muted">{user.email}</div>
      </div>
      <div className="flex gap-1">
        <Button
          variant="ghost"
          size="sm"
          onClick={toggleTheme}
          aria-label={dark ? "Use light theme" : "Use dark theme"}
        >
          {dark ? <Sun size={14} aria-hidden /> : <Moon size={14} aria-hidden />}
          {dark ? "Light" : "Dark"}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => void signOut()}>
          <LogOut size={14} aria-hidden /> Sign out
        </Button>
      </div>
    </div>
  );
}
