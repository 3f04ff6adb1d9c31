package dev.eddy.learners.tensorflow;

/** The learners' parameter check with the TensorFlow learner types registered too. */
class RegisteredParametersTest extends dev.eddy.learners.RegisteredParametersTest {}
