# One image for all four apps; the APP env var picks which one runs (see docker-compose.yml).
#   docker build -t care-transitions:local . && docker run -e APP=api care-transitions:local
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# as scripts/install.sh: the lock holds only the platform builds of @swc/core this registry served
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
# APP_MAIN: where the build puts each app's entry point (%s = app name); the one place to change
# if the build layout moves (tsc with outDir ./dist keeps the source tree: apps/<app>/src/main.ts).
ENV NODE_ENV=production \
    APP=api \
    APP_MAIN=dist/apps/%s/src/main.js
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001 3002 3003 2575
CMD ["sh", "-c", "exec node \"$(printf \"$APP_MAIN\" \"$APP\")\""]
