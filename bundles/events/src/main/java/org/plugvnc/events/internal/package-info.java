/** Session events from the engine, republished on OSGi EventAdmin. */
package org.plugvnc.events.internal;
