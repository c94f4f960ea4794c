# mockpg standalone server image.
#   docker build -t mockpg .
#   docker run --rm -p 5432:5432 -p 8081:8081 -v "$PWD/scripts:/scripts:ro" \
#       mockpg --host 0.0.0.0 --port 5432 --admin-port 8081 --script /scripts/app.yaml
# Scripts are mounted at /scripts. Arguments replace the default CMD, so give --host 0.0.0.0
# (the server binds 127.0.0.1 otherwise, which is unreachable from outside the container).

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# the poms first: the dependency layer is reused while only sources change
COPY pom.xml ./
COPY mockpg-core/pom.xml mockpg-core/
COPY mockpg-junit5/pom.xml mockpg-junit5/
COPY examples/pom.xml examples/
RUN mvn -q -B -pl mockpg-core -am dependency:go-offline || true
COPY mockpg-core mockpg-core
RUN mvn -q -B -pl mockpg-core -am -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 mockpg && mkdir /scripts && chown mockpg /scripts
COPY --from=build /src/mockpg-core/target/mockpg.jar /mockpg.jar
USER mockpg
WORKDIR /scripts
VOLUME /scripts
EXPOSE 5432
# docker stop sends SIGTERM: sessions are drained (--drain-timeout) and the server exits 0
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/mockpg.jar"]
CMD ["--host", "0.0.0.0", "--port", "5432"]
