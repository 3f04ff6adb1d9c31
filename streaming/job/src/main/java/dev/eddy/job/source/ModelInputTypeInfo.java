package dev.eddy.job.source;

import dev.eddy.core.input.ModelInput;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type of the stream of events and labels into the learner: serialized by {@link ModelInputSerializer}. */
public final class ModelInputTypeInfo extends TypeInformation<ModelInput> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<ModelInput> getTypeClass() {
    return ModelInput.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<ModelInput> createSerializer(SerializerConfig config) {
    return ModelInputSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "ModelInput";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelInputTypeInfo;
  }

  @Override
  public int hashCode() {
    return ModelInputTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof ModelInputTypeInfo;
  }
}
