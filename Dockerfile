# Build: install dependencies (bun comes from npm) and compile one binary.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# npm 11 writes a lock without other platforms' optional packages, which
# `npm ci` then refuses; `npm install` takes the same versions from it.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build && mkdir -p /data && chown 65532:65532 /data

# Run: only the binary (glibc runtime, no shell), as a non-root user.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/dist/crmd /usr/local/bin/crmd
COPY --from=build --chown=65532:65532 /data /data
ENV CRMD_HOST=0.0.0.0 \
    CRMD_PORT=8080 \
    CRMD_DATA_DIR=/data \
    CRMD_DEMO=0
USER 65532:65532
VOLUME ["/data"]
EXPOSE 8080
# The check reads CRMD_HOST / CRMD_PORT as serve does, not serve's flags: to
# move the port, set CRMD_PORT (docker run -e CRMD_PORT=9000) rather than
# `serve --port 9000`, or give the check the same flags in exec form (there is
# no shell): compose `test: ["CMD", "/usr/local/bin/crmd", "healthcheck", "--port", "9000"]`.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/usr/local/bin/crmd", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/crmd"]
CMD ["serve"]
