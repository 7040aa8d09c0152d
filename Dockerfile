# syntax=docker/dockerfile:1
#
# One image recipe for every deployable of Saga Shop, chosen with the build argument MODULE:
#   docker build --build-arg MODULE=inventory-service -t saga-shop/inventory-service .
# MODULE is one of: customer-service, inventory-service, order-service, payment-service,
# notification-service, auth-server, order-workflow-worker, gateway.
#
# Base images: Eclipse Temurin 25 on Ubuntu 24.04 (noble), tags as listed in
# docker-library/official-images, library/eclipse-temurin. The JDK builds, the JRE runs. The shop is built on
# Node.js 20 on Debian 12 (node:20.19.5-bookworm-slim, a tag public Dockerfiles pin).

# ---------------------------------------------------------------------------------------------------------------
# The shop (frontend/): built here, so the Maven stage needs no Node.js. Its package files first, so that the
# install is redone only when they change; npm's download cache is a cache mount like Maven's.
FROM node:20.19.5-bookworm-slim AS shop
WORKDIR /workspace/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---------------------------------------------------------------------------------------------------------------
# Build: the same for every MODULE (it never reads the argument), so BuildKit runs it once and all eight images
# share it.
FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /workspace

# The wrapper pins Maven; without curl, wget or unzip in the image it downloads Maven through Java.
COPY --chmod=755 mvnw ./
COPY .mvn/ .mvn/
# Every module's pom, wherever it is: Maven reads all modules of the reactor even when it builds a few.
COPY --parents pom.xml */pom.xml ./
COPY --parents */src ./
# The shop as the stage above built it; the frontend module packages it without running npm (shop.npm.skip).
COPY --from=shop /workspace/frontend/dist/ frontend/dist/

# The local repository is a cache mount, kept by the builder across builds, so dependencies download once
# whatever changed; "locked" keeps two builds that were not merged from writing to it at the same time.
# -pl ... -am builds the deployables and the libraries they need (the gateway's include the shop), not the
# system tests.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp package -DskipTests -Dshop.npm.skip=true \
      -pl customer-service,inventory-service,order-service,payment-service,notification-service,auth-server,order-workflow-worker,gateway \
      -am

# Spring Boot's layers of each jar (<module>/target/<module>-<version>.jar), one directory each, so that an image
# rebuilt after a code change keeps the dependency layers it already had.
RUN for module in customer-service inventory-service order-service payment-service notification-service \
                  auth-server order-workflow-worker gateway; do \
      set -- "$module"/target/"$module"-*.jar; \
      if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected one jar in $module/target, found: $*" >&2; exit 1; fi; \
      java -Djarmode=tools -jar "$1" extract --layers --launcher --destination "/layers/$module" || exit 1; \
    done

# ---------------------------------------------------------------------------------------------------------------
# Runtime: the JRE and one module's layers.
FROM eclipse-temurin:25-jre-noble

# No default: a build without it fails at the first COPY below instead of producing an image of nothing.
ARG MODULE
LABEL org.opencontainers.image.title="saga-shop-${MODULE}" \
      org.opencontainers.image.description="Saga Shop ${MODULE}"

# A system user without a home or a shell; the numeric id lets Kubernetes check runAsNonRoot.
RUN groupadd --system --gid 10001 sagashop \
 && useradd --system --uid 10001 --gid sagashop --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin sagashop

WORKDIR /app
# From the least to the most often changed; owned by root, so the application cannot modify its own code.
COPY --from=build /layers/${MODULE}/dependencies/ ./
COPY --from=build /layers/${MODULE}/spring-boot-loader/ ./
COPY --from=build /layers/${MODULE}/snapshot-dependencies/ ./
COPY --from=build /layers/${MODULE}/application/ ./

USER 10001:10001

# Every module listens on 8080 in a container, whatever its default outside one.
ENV SERVER_PORT=8080
EXPOSE 8080

# The images have no curl: bash's /dev/tcp sends the request, and only a readiness of UP counts (a database or
# Temporal that is down makes it 503 DOWN). start-interval probes often while the JVM starts.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --start-interval=3s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

# The heap takes 65% of the container's memory limit; the rest is for metaspace, code cache, thread stacks and
# Netty's direct buffers. An OutOfMemoryError ends the process so that the container is restarted rather than
# left half-working. Netty asks for native access on JDK 22+. Add options with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", \
            "--enable-native-access=ALL-UNNAMED", \
            "-XX:MaxRAMPercentage=65", \
            "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
