# One image for every stage: the command picks the service, e.g.
#   docker run newsflow node dist/apps/store/src/main.js
# and newsctl is `node dist/apps/cli/src/main.js` in the same image.

# Build: the dev dependencies (tsc, tsc-alias, type packages) only live in this stage.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies on their own, so the runtime image carries no build tooling.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
# apps and libs only: tsc-alias rewrote the @newsflow/* imports to relative paths between them;
# the compiled tests and tools are not needed at run time.
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs ./dist/libs
# The official image's unprivileged user (uid 1000); the k8s manifests run as the same uid.
USER node
# HTTP_PORT defaults: fetcher 3001, parser 3002, enricher 3003, store 3004 (/health, /metrics).
EXPOSE 3001 3002 3003 3004
# No HEALTHCHECK here: the port differs per stage, so docker-compose.yml and the k8s probes
# declare theirs next to the HTTP_PORT they set.
CMD ["node", "dist/apps/parser/src/main.js"]
