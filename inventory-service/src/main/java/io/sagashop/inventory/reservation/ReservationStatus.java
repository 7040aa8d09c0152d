package io.sagashop.inventory.reservation;

enum ReservationStatus {

    RESERVED, RELEASED

}
