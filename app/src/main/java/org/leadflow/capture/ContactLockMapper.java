package org.leadflow.capture;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The bucket rows of {@code lead_contact_lock} (V013) that captures of one contact lock to take turns. */
@Mapper
interface ContactLockMapper {

  /** Number of buckets: V013 creates rows 0 to 255. */
  int BUCKETS = 256;

  /** Waits until no other transaction holds the bucket, then holds it until this one ends. */
  @Select("select bucket from lead_contact_lock where bucket = #{bucket} for update")
  Integer lock(int bucket);

  /** {@link #lock} of several buckets in one statement, in bucket order (the order every capture locks in). */
  @Select("<script>select bucket from lead_contact_lock where bucket in"
      + "<foreach collection='buckets' item='b' open='(' separator=',' close=')'>#{b}</foreach>"
      + " order by bucket for update</script>")
  List<Integer> lockAll(@Param("buckets") List<Integer> buckets);
}
