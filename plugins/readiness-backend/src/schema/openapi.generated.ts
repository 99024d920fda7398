// This file is generated from openapi.yaml by scripts/generate-openapi-module.mjs. Do not edit it by hand;
// run `npm run generate:openapi --workspace @readiness-io/plugin-readiness-backend` after changing the YAML.
/* eslint-disable */

export const spec = {
  "openapi": "3.0.3",
  "info": {
    "title": "readiness",
    "version": "1",
    "description": "The Readiness backend: can this entity ship to production, and if not, what exactly blocks it? Every route needs credentials (a user token, or a static token from backend.auth.externalAccess) except /health.",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Liveness of the plugin (no credentials needed).",
        "responses": {
          "200": {
            "description": "Healthy",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/tracks": {
      "get": {
        "operationId": "GetTracks",
        "description": "Every track the backend loaded.",
        "responses": {
          "200": {
            "description": "The tracks",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "version",
                    "items",
                    "problems"
                  ],
                  "properties": {
                    "version": {
                      "type": "string",
                      "description": "Names these definitions: a scorecard evaluated with them has this `tracksVersion`"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Track"
                      }
                    },
                    "problems": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TrackProblem"
                      },
                      "description": "Track files that could not be loaded (left out; everything else works)"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tracks/{trackId}/source": {
      "get": {
        "operationId": "GetTrackSource",
        "description": "The text of a loaded track's file as written (comments included), for the track playground to edit; the file is named by its base name (or its URL), never by a path on the server.",
        "parameters": [
          {
            "name": "trackId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The track's file",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "trackId",
                    "file",
                    "text"
                  ],
                  "properties": {
                    "trackId": {
                      "type": "string"
                    },
                    "file": {
                      "type": "string",
                      "description": "The file's base name, or its URL."
                    },
                    "text": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tracks/preview": {
      "post": {
        "operationId": "PreviewTrack",
        "description": "What a change to a track would do to the catalog before it merges. Evaluates the proposed track (YAML text) and the one it replaces (`current` when given, otherwise the loaded track of the same id, otherwise none: a new track) over every entity either applies to, from the stored facts, attestations and waivers, and answers the difference: entities whose gate or check statuses change, grouped by gate, check and owner, with the new root causes. Stores nothing. A proposed track with errors answers `valid: false` and each error with the file, the path inside it and its line, as the start-up check reports them. Needs readiness.track.preview (reading every entity's results).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TrackPreviewRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The difference the proposed track makes (or its errors)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TrackPreview"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/overview": {
      "get": {
        "operationId": "GetOverview",
        "description": "Readiness across the catalog from the stored results of the last evaluation: one row per entity and track (gates passed, next gate, its root causes), filtered; how many are not passed; the most frequent root causes.",
        "parameters": [
          {
            "name": "trackId",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "owner",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 300
            }
          },
          {
            "name": "system",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 300
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "passed",
                "failed",
                "blocked",
                "unknown",
                "not-evaluated"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The overview",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessOverview"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetScorecard",
        "description": "Every track that applies to the entity, evaluated, with evidence, waivers, attestations and root causes. The track definitions are not repeated in every answer: each evaluation names its track, and `tracksVersion` names the definitions it was evaluated with — the `version` of `GET /tracks`, which holds them.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The scorecard",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardAnswer"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/{kind}/{namespace}/{name}/summary": {
      "get": {
        "operationId": "GetScorecardSummary",
        "description": "The scorecard's compact form: per track, the verdict in a sentence, each gate and check with its status and message, and the root causes with their evidence; without the track definitions, fact values, attestations and waivers of the full scorecard (about half its size). For cards, scripts and assistants.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The scorecard in its compact form",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardSummary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/{kind}/{namespace}/{name}/history": {
      "get": {
        "operationId": "GetScorecardHistory",
        "description": "Status transitions of the entity's gates and checks, newest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "trackId",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "before",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The transitions",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Transition"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/{kind}/{namespace}/{name}/refresh": {
      "post": {
        "operationId": "RefreshScorecard",
        "description": "Evaluates the entity now and stores the transitions.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The transitions written",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "transitions"
                  ],
                  "properties": {
                    "transitions": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Transition"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/{kind}/{namespace}/{name}/{trackId}/{gateId}": {
      "get": {
        "operationId": "GetGate",
        "description": "One gate of one track for the entity, evaluated now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "trackId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "gateId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The gate",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "entityRef",
                    "entityTitle",
                    "trackId",
                    "trackTitle",
                    "gate",
                    "gateTitles"
                  ],
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "entityTitle": {
                      "type": "string",
                      "description": "The title of the entity (its name when it has none)"
                    },
                    "trackId": {
                      "type": "string"
                    },
                    "trackTitle": {
                      "type": "string"
                    },
                    "gate": {
                      "$ref": "#/components/schemas/GateResult"
                    },
                    "gateTitles": {
                      "type": "object",
                      "description": "The title of every gate of the track, by id (for the gates a report names)",
                      "additionalProperties": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/systems/{namespace}/{name}": {
      "get": {
        "operationId": "GetSystemReadiness",
        "description": "The System's readiness matrix (components and the resources they depend on × gates), weakest link first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The rollup",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SystemReadiness"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/evidence": {
      "post": {
        "operationId": "CreateEvidence",
        "description": "CI pushes evidence about an entity. Pushing the same externalId again returns the first record (200) instead of adding one; different evidence under a recorded externalId is a 409.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EvidenceRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Already recorded under this externalId",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evidence"
                }
              }
            }
          },
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evidence"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/attestations": {
      "post": {
        "operationId": "CreateAttestation",
        "description": "Signs off a manual check; who signs comes from the credentials.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AttestationRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attestation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/waivers": {
      "post": {
        "operationId": "RequestWaiver",
        "description": "Asks for a waiver of one check for one entity, until expiresAt.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WaiverRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Requested",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/waivers/{id}/approve": {
      "post": {
        "operationId": "ApproveWaiver",
        "description": "Approves a pending waiver; the approver must not be the requester.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Approved",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/waivers/{id}/revoke": {
      "post": {
        "operationId": "RevokeWaiver",
        "description": "Revokes a waiver, pending or approved.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Revoked",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments": {
      "post": {
        "operationId": "CreateDeployment",
        "description": "CI records a deployment. The same externalId again updates that record (a finished deployment cannot go back to in_progress); two requests racing on two replicas still make one record.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DeploymentRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The record with this externalId, updated",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deployment"
                }
              }
            }
          },
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deployment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments/batch": {
      "post": {
        "operationId": "CreateDeployments",
        "description": "Records up to 500 deployments in one request (a CD event forwarder's batch), each with the rules of POST /deployments. Answers 200 with one result per item, in order: status 201 (recorded), 200 (updated by its externalId) or the 4xx the single route would give, with the error naming the item.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "items"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/DeploymentRequest"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "One result per item",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "status"
                        ],
                        "properties": {
                          "status": {
                            "type": "integer"
                          },
                          "deployment": {
                            "$ref": "#/components/schemas/Deployment"
                          },
                          "error": {
                            "type": "object",
                            "required": [
                              "name",
                              "message"
                            ],
                            "properties": {
                              "name": {
                                "type": "string"
                              },
                              "message": {
                                "type": "string"
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "ListDeployments",
        "description": "The entity's deployments, newest first, a page at a time.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "environment",
            "in": "query",
            "required": false,
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200,
              "default": 20
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of deployments",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "total"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Deployment"
                      }
                    },
                    "total": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments/{kind}/{namespace}/{name}/environments": {
      "get": {
        "operationId": "GetDeploymentMatrix",
        "description": "Every environment of the entity's system with the current and last successful version.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The environment × version matrix of one entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeploymentMatrix"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/systems/{namespace}/{name}/deployments": {
      "get": {
        "operationId": "GetSystemDeployments",
        "description": "The environment × version matrix of every component of a System.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "One matrix per component",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "systemRef",
                    "environments",
                    "items"
                  ],
                  "properties": {
                    "systemRef": {
                      "type": "string"
                    },
                    "environments": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/DeploymentMatrix"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments/{id}/rollback": {
      "post": {
        "operationId": "RollbackDeployment",
        "description": "Records a new deployment of the previous successful version to the same environment (rollbackOf the given one), and calls the configured rollback webhook so a CD system acts on it. Without a webhook the response says so.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "reason": {
                    "type": "string",
                    "maxLength": 2000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The rollback deployment and what the webhook said",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "deployment",
                    "webhook"
                  ],
                  "properties": {
                    "deployment": {
                      "$ref": "#/components/schemas/Deployment"
                    },
                    "webhook": {
                      "type": "object",
                      "required": [
                        "configured",
                        "message"
                      ],
                      "properties": {
                        "configured": {
                          "type": "boolean"
                        },
                        "delivered": {
                          "type": "boolean"
                        },
                        "status": {
                          "type": "integer"
                        },
                        "message": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/runbooks/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetEntityRunbooks",
        "description": "The runbooks the entity's readiness.io/runbooks annotation points to, with their Markdown and front matter; unreadable or malformed ones are listed with their errors. Also the entity's alerts and those no runbook covers.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The runbooks",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityRunbooks"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/runbooks/by-alert/{alert}": {
      "get": {
        "operationId": "GetRunbooksByAlert",
        "description": "Which runbooks list this alert in their front matter, among the entities the caller may see.",
        "parameters": [
          {
            "name": "alert",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The runbooks answering the alert (possibly none)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AlertRunbooks"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/oncall/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetOnCall",
        "description": "Who is on call for the entity now and next, the escalation levels and the hours nobody covers in the next 14 days, from on-call as code (readiness.io/oncall) or PagerDuty (pagerduty.com/service-id). configured is false when the entity has neither.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The on-call summary",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OnCallSummary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "503": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/oncall/{kind}/{namespace}/{name}/escalations": {
      "get": {
        "operationId": "ListEscalations",
        "description": "The entity's escalations, newest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200,
              "default": 20
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Escalations",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Escalation"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateEscalation",
        "description": "Pages an escalation level (the one given, or the one after the entity's last escalation in the past 24 hours). Signed-in people only; audited; at most readiness.oncall.escalationRateLimit per person (429 with Retry-After).",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "reason"
                ],
                "properties": {
                  "reason": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000,
                    "pattern": "\\S"
                  },
                  "level": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 20
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The recorded escalation and who was notified",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Escalation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "429": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "503": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/environments": {
      "get": {
        "operationId": "ListEnvironments",
        "description": "The environments recorded with the readiness backend (active ones unless includeDecommissioned), optionally of one System. Environment-scoped gates apply while an active environment of their tier or name is recorded.",
        "parameters": [
          {
            "name": "system",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 300
            }
          },
          {
            "name": "includeDecommissioned",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Environments",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessEnvironment"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/environments/{namespace}/{name}": {
      "put": {
        "operationId": "RecordEnvironment",
        "description": "Records that the environment Resource exists for a System (idempotent: 201 when it becomes active, 200 when it already was with the same system and tier; 409 when it is active for another system or tier). The System must be in the catalog. Audited; the System's components are re-evaluated in the background.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "system",
                  "tier"
                ],
                "properties": {
                  "system": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 300
                  },
                  "tier": {
                    "type": "string",
                    "pattern": "^[a-z][a-z0-9-]{0,31}$"
                  },
                  "taskId": {
                    "type": "string",
                    "maxLength": 200
                  },
                  "requestedBy": {
                    "$ref": "#/components/schemas/EntityRef"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Already recorded, unchanged",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessEnvironment"
                }
              }
            }
          },
          "201": {
            "description": "Recorded (new, or active again after a decommission)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessEnvironment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/environments/{namespace}/{name}/decommission": {
      "post": {
        "operationId": "DecommissionEnvironment",
        "description": "Records that the environment was decommissioned (idempotent; the record is kept). Its environment-scoped gates stop applying unless another active environment of the tier remains. Audited.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "taskId": {
                    "type": "string",
                    "maxLength": 200
                  },
                  "requestedBy": {
                    "$ref": "#/components/schemas/EntityRef"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The environment, decommissioned",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessEnvironment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns": {
      "get": {
        "operationId": "ListCampaigns",
        "description": "Every campaign (a readiness goal over many entities with a deadline) with its status, its progress from the stored results of the last evaluation (entities the caller may see) and its forecast; and the campaign files that could not be loaded.",
        "responses": {
          "200": {
            "description": "The campaigns",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}": {
      "get": {
        "operationId": "GetCampaign",
        "description": "One campaign: progress over time (the stored daily snapshots and today), by owning team (with the teams whose own trend misses the target date), every entity in scope with what it still needs, and the blockers behind the most entities.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "The campaign",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignDetail"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/nudge": {
      "post": {
        "operationId": "NudgeCampaign",
        "description": "Sends a reminder now, through Backstage notifications, to the owning groups of the entities not done. Needs readiness.campaign.nudge; one nudge per campaign per `readiness.campaigns.nudgeInterval` (429 with Retry-After before that). Audited.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "Who was reminded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignReminder"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "429": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/exemptions": {
      "post": {
        "operationId": "RequestCampaignExemption",
        "description": "Asks to exempt one entity in scope from the campaign: a waiver scoped to the campaign (reason and expiry; it does not change the entity's scorecard). It counts once someone other than the requester approves it (`POST /waivers/{id}/approve`). Needs readiness.waiver.request. Audited.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "entityRef",
                  "reason",
                  "expiresAt"
                ],
                "properties": {
                  "entityRef": {
                    "$ref": "#/components/schemas/EntityRef"
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The pending waiver",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/by-entity/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetEntityCampaigns",
        "description": "The campaigns an entity is part of, and where it stands in each.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's campaigns",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityCampaigns"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "campaignId": {
        "name": "campaignId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/RefPart"
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/RefPart"
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/RefPart"
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "CampaignStatus": {
        "type": "string",
        "enum": [
          "draft",
          "scheduled",
          "in-progress",
          "ended"
        ]
      },
      "CampaignEntityState": {
        "type": "string",
        "enum": [
          "done",
          "not-done",
          "not-measured",
          "exempt"
        ]
      },
      "Campaign": {
        "type": "object",
        "required": [
          "id",
          "title",
          "owner",
          "target",
          "startDate",
          "targetDate",
          "milestones",
          "status",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owner": {
            "type": "string",
            "description": "The group or user who runs the campaign"
          },
          "documentation": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/CampaignStatus"
          },
          "startDate": {
            "type": "string",
            "description": "YYYY-MM-DD"
          },
          "targetDate": {
            "type": "string",
            "description": "YYYY-MM-DD"
          },
          "target": {
            "type": "object",
            "required": [
              "trackId",
              "title"
            ],
            "properties": {
              "trackId": {
                "type": "string"
              },
              "gateId": {
                "type": "string"
              },
              "checks": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "gateId",
                    "checkId"
                  ],
                  "properties": {
                    "gateId": {
                      "type": "string"
                    },
                    "checkId": {
                      "type": "string"
                    }
                  }
                }
              },
              "title": {
                "type": "string",
                "description": "What \"done\" means, in words"
              }
            }
          },
          "milestones": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "date",
                "title"
              ],
              "properties": {
                "date": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "percent": {
                  "type": "number"
                }
              }
            }
          },
          "source": {
            "type": "string",
            "description": "The file it was loaded from"
          }
        }
      },
      "CampaignCounts": {
        "type": "object",
        "required": [
          "total",
          "done",
          "notDone",
          "notMeasured",
          "exempt"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "done": {
            "type": "integer"
          },
          "notDone": {
            "type": "integer"
          },
          "notMeasured": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          }
        }
      },
      "CampaignForecast": {
        "type": "object",
        "required": [
          "status",
          "summary"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "done",
              "on-track",
              "at-risk",
              "no-data"
            ]
          },
          "projectedDate": {
            "type": "string",
            "description": "YYYY-MM-DD, when the trend reaches every entity"
          },
          "summary": {
            "type": "string",
            "description": "The forecast in words"
          }
        }
      },
      "CampaignSummary": {
        "type": "object",
        "required": [
          "campaign",
          "progress",
          "forecast"
        ],
        "properties": {
          "campaign": {
            "$ref": "#/components/schemas/Campaign"
          },
          "progress": {
            "$ref": "#/components/schemas/CampaignCounts"
          },
          "forecast": {
            "$ref": "#/components/schemas/CampaignForecast"
          },
          "progressAsOf": {
            "type": "string",
            "description": "When the progress was recorded (after the last evaluation pass); absent when it was computed for this answer"
          }
        }
      },
      "CampaignList": {
        "type": "object",
        "required": [
          "items",
          "problems"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignSummary"
            }
          },
          "problems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackProblem"
            }
          }
        }
      },
      "CampaignDay": {
        "type": "object",
        "required": [
          "day",
          "total",
          "done",
          "exempt"
        ],
        "properties": {
          "day": {
            "type": "string",
            "description": "YYYY-MM-DD"
          },
          "total": {
            "type": "integer"
          },
          "done": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          }
        }
      },
      "CampaignTeam": {
        "type": "object",
        "required": [
          "owner",
          "progress",
          "forecast"
        ],
        "properties": {
          "owner": {
            "type": "string"
          },
          "progress": {
            "$ref": "#/components/schemas/CampaignCounts"
          },
          "forecast": {
            "$ref": "#/components/schemas/CampaignForecast"
          }
        }
      },
      "CampaignEntity": {
        "type": "object",
        "required": [
          "entityRef",
          "state",
          "needs"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/CampaignEntityState"
          },
          "needs": {
            "type": "array",
            "description": "What the entity still needs, one sentence each (its root causes first)",
            "items": {
              "type": "string"
            }
          },
          "exemption": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Waiver"
              }
            ],
            "description": "The exemption that counts (state exempt), or a request for one waiting for approval (no approvedBy)"
          }
        }
      },
      "CampaignBlocker": {
        "type": "object",
        "required": [
          "summary",
          "entities"
        ],
        "properties": {
          "summary": {
            "type": "string"
          },
          "entities": {
            "type": "integer"
          }
        }
      },
      "CampaignDetail": {
        "type": "object",
        "required": [
          "campaign",
          "progress",
          "forecast",
          "history",
          "teams",
          "entities",
          "topBlockers"
        ],
        "properties": {
          "campaign": {
            "$ref": "#/components/schemas/Campaign"
          },
          "progress": {
            "$ref": "#/components/schemas/CampaignCounts"
          },
          "forecast": {
            "$ref": "#/components/schemas/CampaignForecast"
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignDay"
            }
          },
          "teams": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignTeam"
            }
          },
          "entities": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignEntity"
            }
          },
          "topBlockers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignBlocker"
            }
          }
        }
      },
      "EntityCampaigns": {
        "type": "object",
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "campaign",
                "state",
                "needs"
              ],
              "properties": {
                "campaign": {
                  "$ref": "#/components/schemas/Campaign"
                },
                "state": {
                  "$ref": "#/components/schemas/CampaignEntityState"
                },
                "needs": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "forecast": {
                  "$ref": "#/components/schemas/CampaignForecast"
                }
              }
            }
          }
        }
      },
      "CampaignReminder": {
        "type": "object",
        "required": [
          "campaignId",
          "kind",
          "recipients",
          "entities"
        ],
        "properties": {
          "campaignId": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "description": "nudge, digest or deadline-N (days before the target date)"
          },
          "recipients": {
            "type": "array",
            "description": "The owning groups (or users) reminded",
            "items": {
              "type": "string"
            }
          },
          "entities": {
            "type": "integer",
            "description": "Entities not done"
          }
        }
      },
      "RefPart": {
        "type": "string",
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$"
      },
      "Id": {
        "type": "string",
        "pattern": "^[a-z0-9]+(?:[-_.][a-z0-9]+)*$",
        "maxLength": 128
      },
      "EntityRef": {
        "type": "string",
        "description": "A full entity ref, kind:namespace/name (or kind:name in the default namespace).",
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}:([A-Za-z0-9][A-Za-z0-9._-]{0,62}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,252}$"
      },
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "request": {
            "type": "object"
          },
          "response": {
            "type": "object"
          }
        }
      },
      "EvidenceRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "type",
          "value"
        ],
        "properties": {
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "type": {
            "type": "string",
            "description": "The fact type, under evidence., e.g. evidence.tests.oidc-login",
            "pattern": "^evidence(\\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$",
            "maxLength": 200
          },
          "value": {
            "allOf": [
              {
                "$ref": "#/components/schemas/JsonValue"
              }
            ],
            "description": "Any JSON value, e.g. {\"status\": \"failed\", \"failures\": 3}"
          },
          "observedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When it was observed; defaults to now"
          },
          "commitSha": {
            "type": "string",
            "pattern": "^[0-9a-f]{7,64}$"
          },
          "url": {
            "type": "string",
            "format": "uri",
            "maxLength": 2000
          },
          "externalId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          }
        }
      },
      "Evidence": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "type",
          "value",
          "observedAt",
          "recordedAt",
          "recordedBy"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "value": {
            "$ref": "#/components/schemas/JsonValue"
          },
          "observedAt": {
            "type": "string"
          },
          "recordedAt": {
            "type": "string"
          },
          "recordedBy": {
            "type": "string"
          },
          "commitSha": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "demo": {
            "type": "boolean"
          }
        }
      },
      "DeploymentRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "environment",
          "version",
          "status"
        ],
        "properties": {
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "environment": {
            "type": "string",
            "description": "The environment Resource, as a ref (resource:default/rag-staging) or a name (rag-staging)",
            "pattern": "^([A-Za-z0-9][A-Za-z0-9._-]{0,62}:)?([A-Za-z0-9][A-Za-z0-9._-]{0,62}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,252}$"
          },
          "version": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "succeeded",
              "failed",
              "rolled_back"
            ]
          },
          "actor": {
            "type": "string",
            "maxLength": 200
          },
          "commitSha": {
            "type": "string",
            "pattern": "^[0-9a-f]{7,64}$"
          },
          "url": {
            "type": "string",
            "format": "uri",
            "maxLength": 2000
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "externalId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          }
        }
      },
      "DeploymentStatus": {
        "type": "string",
        "enum": [
          "in_progress",
          "succeeded",
          "failed",
          "rolled_back"
        ]
      },
      "Deployment": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "environment",
          "version",
          "status",
          "startedAt",
          "recordedBy",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/DeploymentStatus"
          },
          "actor": {
            "type": "string"
          },
          "commitSha": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "startedAt": {
            "type": "string"
          },
          "finishedAt": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "rollbackOf": {
            "type": "string"
          },
          "recordedBy": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          }
        }
      },
      "DeploymentMatrix": {
        "type": "object",
        "required": [
          "entityRef",
          "environments"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "rollbackWebhook": {
            "type": "object",
            "description": "Whether a rollback from the portal tells a CD system (only in the single-entity matrix)",
            "required": [
              "configured"
            ],
            "properties": {
              "configured": {
                "type": "boolean"
              }
            }
          },
          "environments": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "environment",
                "title"
              ],
              "properties": {
                "environment": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "latest": {
                  "$ref": "#/components/schemas/Deployment"
                },
                "lastSuccessful": {
                  "$ref": "#/components/schemas/Deployment"
                },
                "ageDays": {
                  "type": "number",
                  "description": "Days since the last successful deployment finished"
                }
              }
            }
          }
        }
      },
      "RunbookMetadata": {
        "type": "object",
        "required": [
          "alerts"
        ],
        "properties": {
          "title": {
            "type": "string"
          },
          "alerts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "owner": {
            "type": "string"
          },
          "lastReviewed": {
            "type": "string"
          },
          "severity": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "medium",
              "low"
            ]
          }
        }
      },
      "Runbook": {
        "type": "object",
        "required": [
          "target",
          "url",
          "status",
          "errors",
          "metadata"
        ],
        "properties": {
          "target": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "invalid",
              "unreadable"
            ]
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "metadata": {
            "$ref": "#/components/schemas/RunbookMetadata"
          },
          "markdown": {
            "type": "string"
          },
          "reviewAgeDays": {
            "type": "integer"
          }
        }
      },
      "EntityRunbooks": {
        "type": "object",
        "required": [
          "entityRef",
          "runbooks",
          "alerts",
          "uncoveredAlerts",
          "alertErrors",
          "refreshedAt"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "runbooks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Runbook"
            }
          },
          "alerts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "uncoveredAlerts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "alertErrors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "refreshedAt": {
            "type": "string"
          }
        }
      },
      "AlertRunbooks": {
        "type": "object",
        "required": [
          "alert",
          "items"
        ],
        "properties": {
          "alert": {
            "type": "string"
          },
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "entityRef",
                "target",
                "url"
              ],
              "properties": {
                "entityRef": {
                  "type": "string"
                },
                "target": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "severity": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "OnCallTarget": {
        "type": "object",
        "required": [
          "ref",
          "name",
          "type"
        ],
        "properties": {
          "ref": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "user",
              "group",
              "schedule",
              "external"
            ]
          }
        }
      },
      "OnCallShift": {
        "type": "object",
        "required": [
          "target",
          "start",
          "end",
          "source"
        ],
        "properties": {
          "target": {
            "$ref": "#/components/schemas/OnCallTarget"
          },
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "source": {
            "type": "string"
          }
        }
      },
      "EscalationLevel": {
        "type": "object",
        "required": [
          "level",
          "targets",
          "timeoutMinutes"
        ],
        "properties": {
          "level": {
            "type": "integer"
          },
          "targets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnCallTarget"
            }
          },
          "timeoutMinutes": {
            "type": "integer"
          }
        }
      },
      "OnCallSummary": {
        "type": "object",
        "required": [
          "entityRef",
          "configured",
          "levels",
          "links"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "configured": {
            "type": "boolean"
          },
          "provider": {
            "type": "string"
          },
          "current": {
            "$ref": "#/components/schemas/OnCallShift"
          },
          "next": {
            "$ref": "#/components/schemas/OnCallShift"
          },
          "levels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EscalationLevel"
            }
          },
          "uncoveredHours14d": {
            "type": "number"
          },
          "links": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "title",
                "url"
              ],
              "properties": {
                "title": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Escalation": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "provider",
          "level",
          "reason",
          "actor",
          "createdAt",
          "notified",
          "message"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "provider": {
            "type": "string"
          },
          "level": {
            "type": "integer"
          },
          "reason": {
            "type": "string"
          },
          "actor": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "notified": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "externalId": {
            "type": "string"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ReadinessEnvironment": {
        "type": "object",
        "required": [
          "entityRef",
          "systemRef",
          "tier",
          "status",
          "recordedBy",
          "recordedAt"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "systemRef": {
            "type": "string"
          },
          "tier": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "decommissioned"
            ]
          },
          "recordedBy": {
            "type": "string"
          },
          "recordedAt": {
            "type": "string"
          },
          "taskId": {
            "type": "string"
          },
          "decommissionedBy": {
            "type": "string"
          },
          "decommissionedAt": {
            "type": "string"
          }
        }
      },
      "CheckTarget": {
        "type": "object",
        "required": [
          "entityRef",
          "trackId",
          "gateId",
          "checkId"
        ],
        "properties": {
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "trackId": {
            "$ref": "#/components/schemas/Id"
          },
          "gateId": {
            "$ref": "#/components/schemas/Id"
          },
          "checkId": {
            "$ref": "#/components/schemas/Id"
          }
        }
      },
      "AttestationRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "trackId",
          "gateId",
          "checkId"
        ],
        "properties": {
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "trackId": {
            "$ref": "#/components/schemas/Id"
          },
          "gateId": {
            "$ref": "#/components/schemas/Id"
          },
          "checkId": {
            "$ref": "#/components/schemas/Id"
          },
          "note": {
            "type": "string",
            "maxLength": 2000
          },
          "link": {
            "type": "string",
            "format": "uri",
            "maxLength": 2000
          },
          "validUntil": {
            "type": "string",
            "format": "date-time",
            "description": "Defaults to now + the check's validForDays, which is also the latest allowed."
          }
        }
      },
      "Attestation": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "trackId",
          "gateId",
          "checkId",
          "attestedBy",
          "attestedAt",
          "validUntil"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "trackId": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "attestedBy": {
            "type": "string"
          },
          "attestedAt": {
            "type": "string"
          },
          "validUntil": {
            "type": "string"
          },
          "note": {
            "type": "string"
          },
          "link": {
            "type": "string"
          }
        }
      },
      "WaiverRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "trackId",
          "gateId",
          "checkId",
          "reason",
          "expiresAt"
        ],
        "properties": {
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "trackId": {
            "$ref": "#/components/schemas/Id"
          },
          "gateId": {
            "$ref": "#/components/schemas/Id"
          },
          "checkId": {
            "$ref": "#/components/schemas/Id"
          },
          "reason": {
            "type": "string",
            "minLength": 10,
            "maxLength": 2000
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Waiver": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "trackId",
          "gateId",
          "checkId",
          "reason",
          "requestedBy",
          "requestedAt",
          "expiresAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "trackId": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "requestedBy": {
            "type": "string"
          },
          "requestedAt": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          },
          "approvedBy": {
            "type": "string"
          },
          "approvedAt": {
            "type": "string"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string"
          },
          "campaignId": {
            "type": "string",
            "description": "Set when the waiver exempts the entity from a campaign; it then changes nothing on the scorecard."
          }
        }
      },
      "Transition": {
        "type": "object",
        "required": [
          "entityRef",
          "trackId",
          "gateId",
          "checkId",
          "to",
          "at"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "trackId": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "checkId": {
            "type": "string",
            "description": "Empty for the gate itself"
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "at": {
            "type": "string"
          }
        }
      },
      "TrackPreviewRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "track"
        ],
        "properties": {
          "track": {
            "type": "string",
            "minLength": 1,
            "maxLength": 262144,
            "description": "The proposed track, as the YAML text of its file."
          },
          "current": {
            "type": "string",
            "minLength": 1,
            "maxLength": 262144,
            "description": "The track it replaces, as YAML text (e.g. the file on the main branch). Without it, the loaded track of the same id is compared against (none for a new id)."
          },
          "source": {
            "type": "string",
            "maxLength": 500,
            "pattern": "^[^\\x00-\\x1f]*$",
            "description": "The file name the errors name (default `proposed track`)."
          },
          "entityLimit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10000,
            "description": "How many changed entities to list (default 500; every count covers all of them)."
          }
        }
      },
      "TrackPreviewProblem": {
        "type": "object",
        "required": [
          "message"
        ],
        "properties": {
          "message": {
            "type": "string",
            "description": "The error as the start-up check gives it (file, path inside it, what is wrong)."
          },
          "path": {
            "type": "string",
            "description": "The path inside the file, e.g. spec.gates[1].checks[0].condition"
          },
          "line": {
            "type": "integer",
            "description": "The line (from 1) the error is at, when known."
          },
          "column": {
            "type": "integer"
          }
        }
      },
      "OwnerCount": {
        "type": "object",
        "required": [
          "owner",
          "count"
        ],
        "properties": {
          "owner": {
            "type": "string",
            "description": "The owner, as an entity ref (group:default/rag-team), or an empty string for none."
          },
          "count": {
            "type": "integer"
          }
        }
      },
      "PreviewCount": {
        "type": "object",
        "description": "How many entities changed this way, in all and by owner (most first).",
        "required": [
          "total",
          "byOwner"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "byOwner": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OwnerCount"
            }
          }
        }
      },
      "PreviewImpact": {
        "type": "object",
        "description": "Entities whose status becomes failed (fail), passed (pass), blocked, or not measured (unknown) that it was not before. An item new in the proposed track counts only when it does not pass.",
        "required": [
          "newlyFailing",
          "newlyPassing",
          "newlyBlocked",
          "newlyNotMeasured"
        ],
        "properties": {
          "newlyFailing": {
            "$ref": "#/components/schemas/PreviewCount"
          },
          "newlyPassing": {
            "$ref": "#/components/schemas/PreviewCount"
          },
          "newlyBlocked": {
            "$ref": "#/components/schemas/PreviewCount"
          },
          "newlyNotMeasured": {
            "$ref": "#/components/schemas/PreviewCount"
          }
        }
      },
      "PreviewDefinitionChange": {
        "type": "string",
        "enum": [
          "added",
          "removed",
          "changed",
          "unchanged"
        ],
        "description": "How the proposed definition of a gate or check differs from the current one."
      },
      "PreviewGateImpact": {
        "type": "object",
        "required": [
          "gateId",
          "title",
          "definition",
          "impact"
        ],
        "properties": {
          "gateId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "definition": {
            "$ref": "#/components/schemas/PreviewDefinitionChange"
          },
          "impact": {
            "$ref": "#/components/schemas/PreviewImpact"
          },
          "heldBack": {
            "type": "integer",
            "description": "For a removed gate, the entities it held back (failed, blocked or not measured) before."
          }
        }
      },
      "PreviewCheckImpact": {
        "type": "object",
        "required": [
          "gateId",
          "checkId",
          "title",
          "gateTitle",
          "definition",
          "impact"
        ],
        "properties": {
          "gateId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "gateTitle": {
            "type": "string"
          },
          "definition": {
            "$ref": "#/components/schemas/PreviewDefinitionChange"
          },
          "impact": {
            "$ref": "#/components/schemas/PreviewImpact"
          }
        }
      },
      "PreviewEntityChange": {
        "type": "object",
        "required": [
          "entityRef",
          "kind",
          "before",
          "after",
          "gates",
          "checks",
          "newRootCauses"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "type": "string",
            "description": "The owner, as an entity ref"
          },
          "before": {
            "type": "string",
            "enum": [
              "passed",
              "failed",
              "blocked",
              "unknown",
              "not-applicable"
            ],
            "description": "The entity's readiness on the current track (not-applicable when it did not apply)."
          },
          "after": {
            "type": "string",
            "enum": [
              "passed",
              "failed",
              "blocked",
              "unknown",
              "not-applicable"
            ],
            "description": "Its readiness on the proposed track (not-applicable when it no longer applies)."
          },
          "gates": {
            "type": "array",
            "description": "Every gate whose status changes (a gate missing on one side has no status there).",
            "items": {
              "type": "object",
              "required": [
                "gateId",
                "title"
              ],
              "properties": {
                "gateId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "before": {
                  "$ref": "#/components/schemas/GateStatus"
                },
                "after": {
                  "$ref": "#/components/schemas/GateStatus"
                }
              }
            }
          },
          "checks": {
            "type": "array",
            "description": "Every check whose status changes in a way the impact counts (newly failing, passing, blocked or not measured).",
            "items": {
              "type": "object",
              "required": [
                "gateId",
                "checkId",
                "title"
              ],
              "properties": {
                "gateId": {
                  "type": "string"
                },
                "checkId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "before": {
                  "$ref": "#/components/schemas/CheckStatus"
                },
                "after": {
                  "$ref": "#/components/schemas/CheckStatus"
                }
              }
            }
          },
          "newRootCauses": {
            "type": "array",
            "description": "Failing or unmeasured checks that hold a gate back on the proposed track and did not before.",
            "items": {
              "type": "object",
              "required": [
                "gateId",
                "checkId",
                "title",
                "gateTitle",
                "status"
              ],
              "properties": {
                "gateId": {
                  "type": "string"
                },
                "checkId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "gateTitle": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "fail",
                    "unknown"
                  ]
                }
              }
            }
          }
        }
      },
      "TrackPreview": {
        "type": "object",
        "required": [
          "trackId",
          "title",
          "source",
          "valid",
          "problems",
          "comparedWith",
          "entitiesEvaluated",
          "kinds",
          "entitiesChanged",
          "entitiesNewlyFailing",
          "readiness",
          "gates",
          "checks",
          "entities"
        ],
        "properties": {
          "trackId": {
            "type": "string",
            "description": "The proposed track's id (empty when it has none)"
          },
          "title": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "description": "The file name the errors name"
          },
          "valid": {
            "type": "boolean",
            "description": "Whether the proposed track has no errors (nothing else is computed otherwise)"
          },
          "problems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackPreviewProblem"
            }
          },
          "comparedWith": {
            "type": "string",
            "enum": [
              "given",
              "loaded",
              "none"
            ],
            "description": "What the proposed track was compared with (the `current` text, the loaded track of its id, nothing)."
          },
          "entitiesEvaluated": {
            "type": "integer",
            "description": "Entities either track applies to"
          },
          "kinds": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The kinds of the entities evaluated (for the words; services are Components)."
          },
          "entitiesChanged": {
            "type": "integer"
          },
          "entitiesNewlyFailing": {
            "type": "integer",
            "description": "Changed entities at least one of whose gates newly fails, is newly blocked or newly cannot be measured (what a CI job sets its threshold on)."
          },
          "readiness": {
            "type": "object",
            "description": "Entities whose readiness on the whole track changes.",
            "required": [
              "newlyReady",
              "newlyNotReady"
            ],
            "properties": {
              "newlyReady": {
                "$ref": "#/components/schemas/PreviewCount"
              },
              "newlyNotReady": {
                "$ref": "#/components/schemas/PreviewCount"
              }
            }
          },
          "gates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PreviewGateImpact"
            }
          },
          "checks": {
            "type": "array",
            "description": "Checks that are new, removed, changed, or whose statuses change (most affected first).",
            "items": {
              "$ref": "#/components/schemas/PreviewCheckImpact"
            }
          },
          "entities": {
            "type": "array",
            "description": "The changed entities (at most entityLimit), most affected first.",
            "items": {
              "$ref": "#/components/schemas/PreviewEntityChange"
            }
          }
        }
      },
      "TrackProblem": {
        "type": "object",
        "description": "A track file that could not be loaded, and why (the file and the path inside it).",
        "required": [
          "source",
          "message"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "JsonValue": {
        "description": "Any JSON value (null included)."
      },
      "ConditionOperator": {
        "type": "string",
        "enum": [
          "equal",
          "notEqual",
          "lessThan",
          "lessThanInclusive",
          "greaterThan",
          "greaterThanInclusive",
          "in",
          "notIn",
          "contains",
          "doesNotContain",
          "exists",
          "notExists",
          "matches"
        ]
      },
      "CheckCondition": {
        "type": "object",
        "description": "What a check asks of a fact: the operator applied to the value at `path` inside the fact (the whole value without a path).",
        "required": [
          "operator"
        ],
        "properties": {
          "path": {
            "type": "string"
          },
          "operator": {
            "$ref": "#/components/schemas/ConditionOperator"
          },
          "value": {
            "$ref": "#/components/schemas/JsonValue"
          }
        }
      },
      "CheckSeverity": {
        "type": "string",
        "enum": [
          "critical",
          "high",
          "medium",
          "low"
        ]
      },
      "TrackCheck": {
        "type": "object",
        "required": [
          "id",
          "title",
          "severity"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "severity": {
            "$ref": "#/components/schemas/CheckSeverity"
          },
          "fact": {
            "type": "string",
            "description": "The fact type it reads, e.g. evidence.tests.oidc-login"
          },
          "entity": {
            "type": "string",
            "description": "Another entity whose fact it reads"
          },
          "condition": {
            "$ref": "#/components/schemas/CheckCondition"
          },
          "unit": {
            "type": "string",
            "description": "The unit of the value the condition reads, for people (ms, s, min, hours, days, %, or ratio for a fraction shown as a percentage). Without it the fact's convention or the field name (p95Ms) decides."
          },
          "manual": {
            "type": "object",
            "description": "Decided by a person's attestation, valid for this many days",
            "required": [
              "validForDays"
            ],
            "properties": {
              "validForDays": {
                "type": "integer"
              }
            }
          },
          "howToFix": {
            "type": "string"
          }
        }
      },
      "TrackGate": {
        "type": "object",
        "required": [
          "id",
          "title",
          "dependsOn",
          "checks"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "dependsOn": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "environment": {
            "type": "string",
            "description": "The environment tier or name the gate is scoped to"
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackCheck"
            }
          }
        }
      },
      "TrackEntityFilter": {
        "type": "object",
        "description": "Which entities a track applies to; every key given must match (case-insensitive).",
        "properties": {
          "kind": {
            "$ref": "#/components/schemas/FilterValue"
          },
          "spec.type": {
            "$ref": "#/components/schemas/FilterValue"
          },
          "spec.system": {
            "$ref": "#/components/schemas/FilterValue"
          },
          "spec.lifecycle": {
            "$ref": "#/components/schemas/FilterValue"
          },
          "metadata.tags": {
            "$ref": "#/components/schemas/FilterValue"
          },
          "metadata.namespace": {
            "$ref": "#/components/schemas/FilterValue"
          }
        }
      },
      "FilterValue": {
        "oneOf": [
          {
            "type": "string"
          },
          {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        ]
      },
      "Track": {
        "type": "object",
        "description": "A track as loaded (see the backend README for the format).",
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "type": "string",
            "enum": [
              "readiness.io/v1"
            ]
          },
          "kind": {
            "type": "string",
            "enum": [
              "Track"
            ]
          },
          "metadata": {
            "type": "object",
            "required": [
              "name",
              "title"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "description": {
                "type": "string"
              }
            }
          },
          "spec": {
            "type": "object",
            "required": [
              "appliesTo",
              "gates"
            ],
            "properties": {
              "appliesTo": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TrackEntityFilter"
                }
              },
              "gates": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TrackGate"
                }
              }
            }
          }
        }
      },
      "Fact": {
        "type": "object",
        "description": "A typed value about an entity at a time, with where it came from.",
        "required": [
          "entityRef",
          "type",
          "value",
          "source",
          "observedAt"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "description": "e.g. evidence.tests.oidc-login, catalog.owner"
          },
          "value": {
            "$ref": "#/components/schemas/JsonValue"
          },
          "source": {
            "type": "string",
            "description": "The fact source that produced it, e.g. catalog or evidence"
          },
          "observedAt": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "commitSha": {
            "type": "string"
          }
        }
      },
      "CheckStatus": {
        "type": "string",
        "enum": [
          "pass",
          "fail",
          "unknown",
          "blocked",
          "waived",
          "not-applicable"
        ]
      },
      "GateStatus": {
        "type": "string",
        "enum": [
          "passed",
          "failed",
          "blocked",
          "unknown",
          "not-applicable"
        ]
      },
      "CheckResult": {
        "type": "object",
        "required": [
          "checkId",
          "status",
          "message"
        ],
        "properties": {
          "checkId": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/CheckStatus"
          },
          "message": {
            "type": "string",
            "description": "What the check found, in one sentence"
          },
          "underlying": {
            "type": "string",
            "enum": [
              "pass",
              "fail",
              "unknown"
            ],
            "description": "For a blocked or waived check: what it would be on its own"
          },
          "fact": {
            "$ref": "#/components/schemas/Fact"
          },
          "attestation": {
            "$ref": "#/components/schemas/Attestation"
          },
          "waiver": {
            "$ref": "#/components/schemas/Waiver"
          },
          "since": {
            "type": "string",
            "description": "Since when the check has had this status"
          }
        }
      },
      "RootCause": {
        "type": "object",
        "description": "A failing or unmeasured check at the bottom of a dependency chain.",
        "required": [
          "gateId",
          "checkId",
          "status",
          "message"
        ],
        "properties": {
          "gateId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "fail",
              "unknown"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "GateResult": {
        "type": "object",
        "required": [
          "gateId",
          "status",
          "checks",
          "blockedBy",
          "rootCauses"
        ],
        "properties": {
          "gateId": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/GateStatus"
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CheckResult"
            }
          },
          "blockedBy": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For a blocked gate: the gates it waits for"
          },
          "rootCauses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RootCause"
            }
          },
          "since": {
            "type": "string"
          },
          "environments": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For a gate scoped to an environment, the System's active environments in scope (names)"
          },
          "message": {
            "type": "string",
            "description": "For a not-applicable gate: why"
          }
        }
      },
      "TrackEvaluation": {
        "type": "object",
        "required": [
          "trackId",
          "entityRef",
          "evaluatedAt",
          "gates",
          "summary"
        ],
        "properties": {
          "trackId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "evaluatedAt": {
            "type": "string"
          },
          "gates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GateResult"
            }
          },
          "summary": {
            "type": "object",
            "required": [
              "gatesPassed",
              "gatesTotal",
              "blockers"
            ],
            "properties": {
              "gatesPassed": {
                "type": "integer"
              },
              "gatesTotal": {
                "type": "integer",
                "description": "The gates that apply"
              },
              "nextGate": {
                "type": "string",
                "description": "The first gate in dependency order that has not passed"
              },
              "blockers": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/RootCause"
                }
              }
            }
          }
        }
      },
      "ScorecardAnswer": {
        "type": "object",
        "description": "One entity's scorecard as `GET /scorecards/...` answers it: each track's evaluation, named by track id; the definitions are those of `GET /tracks` with the same version (the client in readiness-common joins them).",
        "required": [
          "entityRef",
          "evaluatedAt",
          "tracksVersion",
          "evaluations",
          "attestations",
          "waivers",
          "trackProblems"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string",
            "description": "The title of the entity (its name when it has none)"
          },
          "evaluatedAt": {
            "type": "string",
            "description": "When it was evaluated: scorecards are kept as last evaluated in full, evaluated again after every change of the entity's inputs (when next read), by the scheduled run, and at the latest `readiness.evaluation.scorecardMaxAge` (30 minutes) after"
          },
          "historyChangedAt": {
            "type": "string",
            "description": "When the newest stored transition happened; the history changes only with it"
          },
          "tracksVersion": {
            "type": "string",
            "description": "The track definitions it was evaluated with: the `version` of `GET /tracks`"
          },
          "evaluations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackEvaluation"
            },
            "description": "Per track that applies, in the order of `GET /tracks`: its evaluation (`trackId` names it)"
          },
          "trackProblems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackProblem"
            },
            "description": "Track files that could not be loaded (what they would say is unknown)"
          },
          "attestations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Attestation"
            }
          },
          "waivers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Waiver"
            }
          }
        }
      },
      "EvidenceLink": {
        "type": "object",
        "description": "Where the fact behind a check came from",
        "required": [
          "observedAt"
        ],
        "properties": {
          "url": {
            "type": "string"
          },
          "commitSha": {
            "type": "string"
          },
          "observedAt": {
            "type": "string"
          }
        }
      },
      "CheckSummary": {
        "type": "object",
        "required": [
          "checkId",
          "title",
          "status",
          "message"
        ],
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/CheckStatus"
          },
          "message": {
            "type": "string",
            "description": "What the check found, in one sentence"
          },
          "since": {
            "type": "string"
          },
          "evidence": {
            "$ref": "#/components/schemas/EvidenceLink"
          }
        }
      },
      "TrackSummary": {
        "type": "object",
        "required": [
          "trackId",
          "title",
          "verdict",
          "gatesPassed",
          "gatesTotal",
          "gates",
          "blockers"
        ],
        "properties": {
          "trackId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "verdict": {
            "type": "string",
            "description": "The track in a sentence: every gate passed, or where the next gate stands and why"
          },
          "gatesPassed": {
            "type": "integer"
          },
          "gatesTotal": {
            "type": "integer",
            "description": "The gates that apply"
          },
          "nextGate": {
            "type": "string",
            "description": "The first gate in dependency order that has not passed"
          },
          "gates": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "gateId",
                "title",
                "status",
                "blockedBy",
                "checks"
              ],
              "properties": {
                "gateId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "status": {
                  "$ref": "#/components/schemas/GateStatus"
                },
                "since": {
                  "type": "string"
                },
                "blockedBy": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  },
                  "description": "For a blocked gate: the gates it waits for"
                },
                "checks": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/CheckSummary"
                  }
                }
              }
            }
          },
          "blockers": {
            "type": "array",
            "description": "The root causes keeping the next gate from passing, at the bottom of the chain",
            "items": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/CheckSummary"
                },
                {
                  "type": "object",
                  "required": [
                    "gateId",
                    "gateTitle"
                  ],
                  "properties": {
                    "gateId": {
                      "type": "string"
                    },
                    "gateTitle": {
                      "type": "string"
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "ScorecardSummary": {
        "type": "object",
        "required": [
          "entityRef",
          "title",
          "evaluatedAt",
          "tracks"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string",
            "description": "The title of the entity (its name when it has none)"
          },
          "evaluatedAt": {
            "type": "string"
          },
          "trackProblems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackProblem"
            },
            "description": "Track files that could not be loaded (what they would say is unknown)"
          },
          "tracks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackSummary"
            }
          }
        }
      },
      "SystemReadinessEntity": {
        "type": "object",
        "required": [
          "entityRef",
          "kind",
          "tracks"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "tracks": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "trackId",
                "gatesPassed",
                "gatesTotal",
                "gates",
                "blockers"
              ],
              "properties": {
                "trackId": {
                  "type": "string"
                },
                "gatesPassed": {
                  "type": "integer"
                },
                "gatesTotal": {
                  "type": "integer"
                },
                "nextGate": {
                  "type": "string"
                },
                "gates": {
                  "type": "object",
                  "additionalProperties": {
                    "$ref": "#/components/schemas/GateStatus"
                  }
                },
                "blockers": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/RootCause"
                  }
                }
              }
            }
          }
        }
      },
      "SystemReadiness": {
        "type": "object",
        "required": [
          "systemRef",
          "evaluatedAt",
          "tracks",
          "entities",
          "rootCauses"
        ],
        "properties": {
          "systemRef": {
            "type": "string"
          },
          "evaluatedAt": {
            "type": "string"
          },
          "tracks": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "trackId",
                "title",
                "gates"
              ],
              "properties": {
                "trackId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "gates": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "id",
                      "title",
                      "status"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "status": {
                        "$ref": "#/components/schemas/GateStatus"
                      }
                    }
                  }
                }
              }
            }
          },
          "entities": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SystemReadinessEntity"
            }
          },
          "weakestLink": {
            "type": "string",
            "description": "The entity furthest from ready, when the entities are not all at the same point"
          },
          "rootCauses": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "trackId",
                "gateId",
                "checkId",
                "title",
                "gateTitle",
                "status",
                "message",
                "entityRefs"
              ],
              "properties": {
                "trackId": {
                  "type": "string"
                },
                "gateId": {
                  "type": "string"
                },
                "checkId": {
                  "type": "string"
                },
                "title": {
                  "type": "string",
                  "description": "The check's title"
                },
                "gateTitle": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "fail",
                    "unknown"
                  ]
                },
                "message": {
                  "type": "string",
                  "description": "The check result in words, for one of the entities"
                },
                "entityRefs": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  },
                  "description": "The entities it blocks"
                }
              }
            }
          }
        }
      },
      "OverviewRow": {
        "type": "object",
        "description": "One entity × track of the overview, from the stored results of the last evaluation.",
        "required": [
          "entityRef",
          "kind",
          "trackId",
          "status",
          "gatesPassed",
          "gatesTotal",
          "gates",
          "rootCauses"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "type": "string",
            "description": "The owner, as an entity ref (group:default/rag-team)."
          },
          "system": {
            "type": "string",
            "description": "The System, as an entity ref (system:default/rag)."
          },
          "trackId": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "passed",
              "failed",
              "blocked",
              "unknown",
              "not-evaluated"
            ],
            "description": "passed: every gate passed; failed / unknown: some gate is; blocked: only waiting on others; not-evaluated: not yet"
          },
          "gatesPassed": {
            "type": "integer"
          },
          "gatesTotal": {
            "type": "integer"
          },
          "gates": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Every gate's status by gate id"
          },
          "nextGate": {
            "type": "string"
          },
          "rootCauses": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "gateId",
                "checkId",
                "status"
              ],
              "properties": {
                "gateId": {
                  "type": "string"
                },
                "checkId": {
                  "type": "string"
                },
                "status": {
                  "type": "string"
                }
              }
            }
          },
          "evaluatedAt": {
            "type": "string"
          }
        }
      },
      "ReadinessCounts": {
        "type": "object",
        "description": "Entities counted once each: ready on every track shown, not ready, or not measured (nothing evaluated yet, or the next gate cannot be measured)",
        "required": [
          "total",
          "ready",
          "notReady",
          "notMeasured"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "ready": {
            "type": "integer"
          },
          "notReady": {
            "type": "integer"
          },
          "notMeasured": {
            "type": "integer"
          }
        }
      },
      "ReadinessOverview": {
        "type": "object",
        "required": [
          "items",
          "total",
          "blocked",
          "entities",
          "teams",
          "options",
          "topRootCauses"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OverviewRow"
            }
          },
          "total": {
            "type": "integer",
            "description": "Rows (entity × track) that match"
          },
          "blocked": {
            "type": "integer",
            "description": "Of the rows that match, how many are not passed"
          },
          "entities": {
            "$ref": "#/components/schemas/ReadinessCounts",
            "description": "The entities of the rows that match, each counted once (ready across every track shown, or not)"
          },
          "teams": {
            "type": "array",
            "description": "Per owner, their entities among the rows that match; most entities not ready first",
            "items": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ReadinessCounts"
                },
                {
                  "type": "object",
                  "required": [
                    "owner"
                  ],
                  "properties": {
                    "owner": {
                      "type": "string",
                      "description": "The owner, as an entity ref"
                    }
                  }
                }
              ]
            }
          },
          "options": {
            "type": "object",
            "description": "The values each filter can take, from every row before filtering",
            "required": [
              "trackIds",
              "owners",
              "systems"
            ],
            "properties": {
              "trackIds": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "owners": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "systems": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "trackProblems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrackProblem"
            },
            "description": "Track files that could not be loaded (their entities are missing)"
          },
          "topRootCauses": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "trackId",
                "gateId",
                "checkId",
                "title",
                "gateTitle",
                "count",
                "entityRefs"
              ],
              "properties": {
                "trackId": {
                  "type": "string"
                },
                "gateId": {
                  "type": "string"
                },
                "checkId": {
                  "type": "string"
                },
                "title": {
                  "type": "string",
                  "description": "The check's title"
                },
                "gateTitle": {
                  "type": "string"
                },
                "count": {
                  "type": "integer"
                },
                "entityRefs": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
} as const;
