/** The management service as MXBeans: what JMX clients (jconsole, Karaf's JMX, Jolokia) see. */
package org.plugvnc.jmx.internal;
