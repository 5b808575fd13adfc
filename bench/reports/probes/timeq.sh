#!/bin/bash
# usage: timeq.sh label files...  → label file warm-seconds (second of two runs)
label=$1; shift
for f in "$@"; do
  mariadb -uroot leadflow_bench_reports < $f > /dev/null
  s=$(date +%s.%N); mariadb -uroot leadflow_bench_reports < $f > /tmp/rq/out_$f.txt; e=$(date +%s.%N)
  printf "%-12s %-30s %6.2f s\n" "$label" "$f" $(echo "$e - $s" | bc)
done
