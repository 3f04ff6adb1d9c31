/**
 * The versioned binary frame (magic, version, body) shared by the detector and policy codecs, with
 * helpers for length-prefixed arrays and maps. Old versions stay readable: golden files of every
 * shipped version are committed as test resources and decoded by the tests.
 */
package dev.eddy.drift.state;
