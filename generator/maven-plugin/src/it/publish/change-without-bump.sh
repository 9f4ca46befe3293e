#!/bin/sh
# What happens before a release when nobody bumps the chart: the model changes, chartVersion does not.
set -eu
sed -i 's/Parameter.integer("replicaCount", 2)/Parameter.integer("replicaCount", 3)/' src/main/java/com/example/ShopCatalog.java
grep -q 'replicaCount", 3)' src/main/java/com/example/ShopCatalog.java
